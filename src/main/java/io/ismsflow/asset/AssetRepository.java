package io.ismsflow.asset;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AssetRepository extends MongoRepository<Asset, String> {

  List<Asset> findByIdIn(Collection<String> ids);
}
