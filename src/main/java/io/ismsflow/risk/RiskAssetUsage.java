package io.ismsflow.risk;

import io.ismsflow.asset.AssetUsage;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Risks name assets, closed ones too (their history does): such an asset is not deleted. */
@Component
class RiskAssetUsage implements AssetUsage {

  private final MongoTemplate mongo;

  RiskAssetUsage(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public List<String> usedBy(String assetId) {
    return mongo.find(Query.query(Criteria.where("assetIds").is(assetId)), Risk.class).stream()
        .map(r -> "risk " + r.id() + (r.status() == Risk.RiskStatus.CLOSED ? " (closed)" : ""))
        .sorted()
        .toList();
  }
}
