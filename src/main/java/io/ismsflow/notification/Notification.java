package io.ismsflow.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something a group of people should know about, e.g. an overdue review step escalated to the
 * CISO group. Its id is chosen by the sender, so that a retried sender notifies once.
 *
 * @param readBy who has marked it read
 */
@Document("notifications")
public record Notification(
    @Id String id, String group, String title, String text, String link, Instant at, List<String> readBy) {

  public Notification {
    readBy = readBy == null ? List.of() : List.copyOf(readBy);
  }
}
