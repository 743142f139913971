package io.ismsflow.risk;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface RiskAssessmentRepository extends MongoRepository<RiskAssessment, String> {

  List<RiskAssessment> findByRiskIdOrderByAtAsc(String riskId);

  List<RiskAssessment> findByReviewKey(long reviewKey);
}
