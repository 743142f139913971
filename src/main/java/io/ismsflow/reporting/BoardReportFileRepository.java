package io.ismsflow.reporting;

import org.springframework.data.mongodb.repository.MongoRepository;

interface BoardReportFileRepository extends MongoRepository<BoardReportFile, String> {}
