package io.ismsflow.policy;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PolicyRepository extends MongoRepository<Policy, String> {}
