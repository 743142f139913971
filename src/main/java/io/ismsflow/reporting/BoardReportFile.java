package io.ismsflow.reporting;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One rendered file of a board report version (PDF or JSON): written once, never changed; its
 * SHA-256 is recorded with the report, so a download can be checked against it.
 *
 * @param id e.g. {@code BR-2026-Q4/v3.pdf}
 */
@Document("board_report_files")
record BoardReportFile(@Id String id, String reportId, int reportVersion, String format, byte[] content, String sha256, Instant at) {

  static String id(String reportId, int version, String format) {
    return reportId + "/v" + version + "." + format;
  }
}
