package io.ismsflow.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A policy or other documented information under control (ISO/IEC 27001 5.2, 7.5; Annex A 5.1).
 * Its text lives in {@link PolicyVersion}s; a published version is never changed.
 *
 * @param id e.g. {@code POL-001}
 * @param publishedVersion the version in force, if any
 * @param latestVersion the newest version, draft or published
 */
@Document("policies")
public record Policy(
    @Id String id,
    String title,
    Category category,
    String owner,
    PolicyStatus status,
    int reviewIntervalMonths,
    LocalDate nextReviewDate,
    List<String> sites,
    Integer publishedVersion,
    int latestVersion,
    Instant createdAt,
    Instant updatedAt,
    @Version Long version) {

  public Policy {
    sites = sites == null ? List.of() : List.copyOf(sites);
  }

  public enum Category {
    /** The top-level information security policy: its approval needs executive leadership too. */
    INFORMATION_SECURITY_POLICY,
    TOPIC_SPECIFIC_POLICY,
    PROCEDURE,
    STANDARD
  }

  public enum PolicyStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    PUBLISHED,
    RETIRED
  }

  public boolean isTopLevel() {
    return category == Category.INFORMATION_SECURITY_POLICY;
  }

  Policy with(PolicyStatus newStatus, Integer published, int latest, LocalDate nextReview, Instant at) {
    return new Policy(id, title, category, owner, newStatus, reviewIntervalMonths, nextReview, sites, published, latest, createdAt, at, version);
  }
}
