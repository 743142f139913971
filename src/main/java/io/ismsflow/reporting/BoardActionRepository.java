package io.ismsflow.reporting;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface BoardActionRepository extends MongoRepository<BoardAction, String> {

  List<BoardAction> findByReportIdOrderByIdAsc(String reportId);
}
