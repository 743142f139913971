package io.ismsflow.policy;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PolicyVersionRepository extends MongoRepository<PolicyVersion, String> {

  List<PolicyVersion> findByPolicyIdOrderByNumberAsc(String policyId);
}
