package io.ismsflow.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a policy's text (Markdown). A draft may change until it is published; then it
 * is frozen with the SHA-256 of its content, and an edit makes a new draft version.
 *
 * @param id {@code <policyId>:<number>}
 */
@Document("policy_versions")
public record PolicyVersion(
    @Id String id,
    String policyId,
    int number,
    String content,
    String changeSummary,
    String author,
    VersionStatus status,
    List<Review> reviews,
    List<Approval> approvals,
    LocalDate effectiveDate,
    String sha256,
    Instant createdAt,
    Instant publishedAt,
    @Version Long version) {

  public PolicyVersion {
    reviews = reviews == null ? List.of() : List.copyOf(reviews);
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
  }

  public enum VersionStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    RETIRED
  }

  /** A reviewer's decision on this version: {@code approve} or {@code request-changes}. */
  public record Review(String reviewer, String decision, String comment, Instant at) {}

  /** An approval of this version, by whom and in which role (ciso, executive). */
  public record Approval(String approver, String role, Instant at) {}

  static String idFor(String policyId, int number) {
    return policyId + ":" + number;
  }

  PolicyVersion withStatus(VersionStatus newStatus) {
    return new PolicyVersion(id, policyId, number, content, changeSummary, author, newStatus, reviews, approvals, effectiveDate, sha256, createdAt, publishedAt, version);
  }
}
