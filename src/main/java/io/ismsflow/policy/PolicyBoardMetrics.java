package io.ismsflow.policy;

import io.ismsflow.policy.Policy.PolicyStatus;
import io.ismsflow.policy.PolicyVersion.VersionStatus;
import io.ismsflow.reporting.BoardMetricsContributor;
import io.ismsflow.reporting.ReportPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The policy figures of a board report: in force, published in the period, due and overdue for review. */
@Component
class PolicyBoardMetrics implements BoardMetricsContributor {

  private final PolicyRepository policies;
  private final PolicyVersionRepository versions;
  private final Clock clock;

  PolicyBoardMetrics(PolicyRepository policies, PolicyVersionRepository versions, Clock clock) {
    this.policies = policies;
    this.versions = versions;
    this.clock = clock;
  }

  @Override
  public String section() {
    return "policies";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public java.util.List<Headline> headlines() {
    return java.util.List.of(new Headline("published", "Policies in force", false), new Headline("overdueForReview", "Policies overdue for review", true));
  }

  @Override
  public Map<String, Object> figures(ReportPeriod period) {
    var today = LocalDate.now(clock);
    var all = policies.findAll();
    var published = all.stream().filter(p -> p.status() == PolicyStatus.PUBLISHED).toList();
    var figures = new LinkedHashMap<String, Object>();
    figures.put("total", all.size());
    figures.put("published", published.size());
    figures.put("inDraftOrReview", all.stream().filter(p -> p.status() == PolicyStatus.DRAFT || p.status() == PolicyStatus.IN_REVIEW).count());
    figures.put(
        "publishedInPeriod",
        versions.findAll().stream()
            .filter(v -> v.status() == VersionStatus.PUBLISHED || v.status() == VersionStatus.RETIRED)
            .filter(v -> v.publishedAt() != null && period.contains(v.publishedAt().atZone(ZoneOffset.UTC).toLocalDate()))
            .count());
    figures.put("dueForReview", published.stream().filter(p -> p.nextReviewDate() != null && !p.nextReviewDate().isAfter(today)).count());
    figures.put("overdueForReview", published.stream().filter(p -> p.nextReviewDate() != null && p.nextReviewDate().isBefore(today)).count());
    return figures;
  }
}
