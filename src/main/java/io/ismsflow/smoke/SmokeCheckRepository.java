package io.ismsflow.smoke;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SmokeCheckRepository extends MongoRepository<SmokeCheck, String> {}
