package io.ismsflow.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ismsflow.EngineClock;
import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.policy.Policy.Category;
import io.ismsflow.policy.Policy.PolicyStatus;
import io.ismsflow.policy.PolicyVersion.Review;
import io.ismsflow.policy.PolicyVersion.VersionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The scheduled policy review on the local broker: found after the clock moves, one per policy. */
@IsmsIntegrationTest
@SuppressWarnings("unchecked")
class PolicyReviewIT {

  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final String TEXT = "# Patching\n## Purpose\nKeep systems patched.\n## Scope\nIT and OT.\n## Policy\nMonthly, OT in windows.\n";

  @Autowired TestRestTemplate http;
  @Autowired PolicyRepository policies;
  @Autowired PolicyVersionRepository versions;
  @Autowired PolicyReviewWorkers workers;

  @Value("${camunda.client.rest-address}")
  String brokerRestAddress;

  @AfterEach
  void releaseEngineClock() {
    new EngineClock(brokerRestAddress).reset();
  }

  @Test
  void theDailyCheckStartsOneReviewPerDuePolicyAndTheOwnerDecides() {
    var stillValid = publishedDuePolicy();
    var needsUpdate = publishedDuePolicy();
    var owner = "policy.carla";

    // the daily timer fires once the engine clock passes 05:00
    new EngineClock(brokerRestAddress)
        .passNextOccurrence(
            after -> {
              var five = after.withHour(5).withMinute(0).withSecond(0).withNano(0);
              return five.isAfter(after) ? five : five.plusDays(1);
            });
    var first = reviewTask(owner, stillValid);
    var second = reviewTask(owner, needsUpdate);

    // asking again while the reviews run starts nothing new
    workers.startDueReviews();
    workers.startDueReviews();
    await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);
    assertThat(reviewTasks(owner, stillValid)).hasSize(1);
    assertThat(user("ciso.anna").getForObject("/api/policies?due=true", List.class))
        .extracting(p -> ((Map<String, Object>) p).get("id"))
        .contains(stillValid, needsUpdate);

    // still valid: recorded, the next review date moves on
    complete(owner, first, Map.of("periodicReviewDecision", "still-valid", "periodicReviewComment", "Nothing changed on the plant"));
    await()
        .atMost(PATIENCE)
        .until(() -> policies.findById(stillValid).orElseThrow().nextReviewDate(), d -> d.isAfter(LocalDate.now(ZoneOffset.UTC).plusMonths(11)));

    // needs an update: a new draft, approved through the policy approval cycle by the former reviewer
    complete(owner, second, Map.of("periodicReviewDecision", "needs-update", "periodicReviewComment", "The OT patch window changed"));
    var review = await().atMost(PATIENCE).until(() -> taskFor("reviewer.dan", "ReviewDraftTask", needsUpdate), t -> t != null);
    assertThat(versions.findById(PolicyVersion.idFor(needsUpdate, 2))).hasValueSatisfying(v -> assertThat(v.author()).isEqualTo(owner));
    complete("reviewer.dan", ((Number) review.get("key")).longValue(), Map.of("reviewDecision", "approve"));
    var approve = await().atMost(PATIENCE).until(() -> taskFor("ciso.anna", "ApprovePolicyTask", needsUpdate), t -> t != null);
    complete("ciso.anna", ((Number) approve.get("key")).longValue(), Map.of("approvalDecision", "approve"));

    await().atMost(PATIENCE).until(() -> policies.findById(needsUpdate).orElseThrow().publishedVersion(), v -> v != null && v == 2);
    assertThat(versions.findById(PolicyVersion.idFor(needsUpdate, 1)).orElseThrow().status()).isEqualTo(VersionStatus.RETIRED);
  }

  private String publishedDuePolicy() {
    var id = "POL-" + (10_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 89_999));
    var now = Instant.now();
    policies.save(
        new Policy(id, "Patching " + id, Category.TOPIC_SPECIFIC_POLICY, "policy.carla", PolicyStatus.PUBLISHED, 12,
            LocalDate.now(ZoneOffset.UTC).minusDays(1), List.of("Riverside"), 1, 1, now, now, null));
    versions.save(
        new PolicyVersion(PolicyVersion.idFor(id, 1), id, 1, TEXT, "First version", "policy.carla", VersionStatus.PUBLISHED,
            List.of(new Review("reviewer.dan", "approve", null, now)), List.of(), LocalDate.now(ZoneOffset.UTC).minusYears(1),
            PolicyService.sha256(TEXT), now, now, null));
    return id;
  }

  private long reviewTask(String owner, String policyId) {
    return ((Number) await().atMost(PATIENCE).until(() -> taskFor(owner, "ReviewPolicyTask", policyId), t -> t != null).get("key")).longValue();
  }

  private List<Map<String, Object>> reviewTasks(String owner, String policyId) {
    return tasks(owner).stream()
        .filter(t -> "ReviewPolicyTask".equals(t.get("elementId")))
        .filter(t -> policyId.equals(variables(owner, t).get("policyId")))
        .toList();
  }

  private Map<String, Object> taskFor(String user, String elementId, String policyId) {
    return tasks(user).stream()
        .filter(t -> elementId.equals(t.get("elementId")))
        .filter(t -> policyId.equals(variables(user, t).get("policyId")))
        .findFirst()
        .orElse(null);
  }

  private List<Map<String, Object>> tasks(String user) {
    return user(user).exchange("/api/tasks", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private Map<String, Object> variables(String user, Map<String, Object> task) {
    return user(user).getForObject("/api/tasks/" + task.get("key") + "/variables", Map.class);
  }

  private TestRestTemplate user(String name) {
    return http.withBasicAuth(name, "demo");
  }

  private void complete(String username, long task, Map<String, Object> values) {
    var response = user(username).postForEntity("/api/tasks/" + task + "/complete", Map.of("variables", values), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }
}
