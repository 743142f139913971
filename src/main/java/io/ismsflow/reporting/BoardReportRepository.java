package io.ismsflow.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface BoardReportRepository extends MongoRepository<BoardReport, String> {

  Optional<BoardReport> findFirstByProcessInstanceKey(Long processInstanceKey);

  List<BoardReport> findByFinalVersionNotNullOrderByPeriodToDesc();
}
