package io.ismsflow.reporting;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An action the board decided on, tracked until done (ISO/IEC 27001 9.3.3: the decisions of the
 * management review and their follow-up).
 *
 * @param id e.g. {@code BR-2026-Q4-A1}: the report and the line of the decisions it came from
 * @param reference the record it is about, e.g. the risk {@code R-003}; null when none
 */
@Document("board_actions")
public record BoardAction(
    @Id String id,
    String reportId,
    String title,
    String owner,
    LocalDate dueDate,
    String reference,
    Status status,
    String createdBy,
    Instant createdAt,
    String closedBy,
    Instant closedAt,
    String closingNote,
    @Version Long version) {

  public enum Status {
    OPEN,
    DONE,
    CANCELLED
  }

  public boolean isOverdue(LocalDate today) {
    return status == Status.OPEN && dueDate != null && dueDate.isBefore(today);
  }

  BoardAction closed(Status newStatus, String by, String note, Instant at) {
    return new BoardAction(id, reportId, title, owner, dueDate, reference, newStatus, createdBy, createdAt, by, at, note, version);
  }

  BoardActionTarget.Link link() {
    return new BoardActionTarget.Link(id, reportId, reference, title, owner, dueDate, status.name());
  }
}
