package io.ismsflow.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.TaskInbox;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Policy approval end to end on the local broker through the REST API. */
@IsmsIntegrationTest
@SuppressWarnings("unchecked")
class PolicyApprovalIT {

  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final String COMPLETE =
      "# OT remote access\n## Purpose\nControl remote access to plant systems.\n## Scope\nAll OT zones.\n## Policy\nOnly through the jump host, with MFA.\n";

  @Autowired TestRestTemplate http;

  @org.springframework.beans.factory.annotation.Value("${camunda.client.rest-address}")
  String brokerRestAddress;

  @org.junit.jupiter.api.AfterEach
  void releaseEngineClock() {
    new io.ismsflow.EngineClock(brokerRestAddress).reset();
  }

  @Test
  void anIncompleteDraftGoesBackThenAChangeRequestLoopsUntilTheCisoApprovesAndItIsPublished() {
    var id = newId();
    var created =
        user("policy.carla")
            .postForEntity(
                "/api/policies",
                Map.of("id", id, "title", "OT remote access", "category", "TOPIC_SPECIFIC_POLICY", "owner", "policy.carla",
                    "reviewIntervalMonths", 12, "content", "# OT remote access\n## Purpose\nto do"),
                String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    var review = submit("policy.carla", id, List.of("reviewer.dan", "risk.ben"));

    // the check finds missing sections and returns the draft to its author
    var revise = task("policy.carla", review, "ReviseDraftTask");
    assertThat(user("policy.carla").getForObject("/api/tasks/" + revise + "/variables", Map.class).get("draftProblems").toString())
        .contains("Scope", "Policy");
    edit("policy.carla", id, COMPLETE, "Added scope and policy");
    complete("policy.carla", revise, Map.of("revisionNote", "Sections added"));

    // parallel review: one reviewer asks for changes, so the draft goes back once more
    complete("reviewer.dan", task("reviewer.dan", review, "ReviewDraftTask"), Map.of("reviewDecision", "approve"));
    complete("risk.ben", task("risk.ben", review, "ReviewDraftTask"), Map.of("reviewDecision", "request-changes", "reviewComment", "Name the jump host"));
    var secondRevision = task("policy.carla", review, "ReviseDraftTask");
    var finalText = COMPLETE + "The jump host is jh-01 in zone Z1-DMZ.\n";
    edit("policy.carla", id, finalText, "Named the jump host");
    complete("policy.carla", secondRevision, Map.of("revisionNote", "Jump host named"));
    complete("reviewer.dan", task("reviewer.dan", review, "ReviewDraftTask"), Map.of("reviewDecision", "approve"));
    complete("risk.ben", task("risk.ben", review, "ReviewDraftTask"), Map.of("reviewDecision", "approve"));

    complete("ciso.anna", task("ciso.anna", review, "ApprovePolicyTask"), Map.of("approvalDecision", "approve"));
    awaitCompleted(review);

    var published = user("ciso.anna").getForObject("/api/policies/" + id + "/versions/1", Map.class);
    assertThat(published.get("status")).isEqualTo("PUBLISHED");
    assertThat(published.get("content")).isEqualTo(finalText);
    assertThat(published.get("sha256")).isEqualTo(PolicyService.sha256(finalText));
    assertThat(published.get("effectiveDate")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat((List<Map<String, Object>>) published.get("reviews")).hasSize(4);
    assertThat((List<Map<String, Object>>) published.get("approvals"))
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("approver", "ciso.anna").containsEntry("role", "ciso"));
    var policy = user("ciso.anna").getForObject("/api/policies/" + id, Map.class);
    assertThat(policy).containsEntry("status", "PUBLISHED").containsEntry("publishedVersion", 1);
    assertThat(policy.get("nextReviewDate")).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(12).toString());

    // a published text never changes: an edit makes a new draft version
    var draft = edit("policy.carla", id, finalText + "MFA tokens are personal.\n", "Personal tokens");
    assertThat(draft).containsEntry("number", 2).containsEntry("status", "DRAFT");
    var stillPublished = user("ciso.anna").getForObject("/api/policies/" + id + "/versions/1", Map.class);
    assertThat(stillPublished.get("content")).isEqualTo(finalText);
    assertThat(stillPublished.get("sha256")).isEqualTo(published.get("sha256"));

    // what auditors and staff take away: the published text as Markdown and PDF, and what changed since
    var markdown = user("auditor.gina").getForEntity("/api/policies/" + id + "/versions/1/export?format=markdown", String.class);
    assertThat(markdown.getBody()).contains("sha256: " + published.get("sha256")).endsWith(finalText);
    var pdf = user("staff.hugo").getForEntity("/api/policies/" + id + "/versions/1/export?format=pdf", byte[].class);
    assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    var diff = user("policy.carla").exchange("/api/policies/" + id + "/diff?from=1&to=2", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, String>>>() {}).getBody();
    assertThat(diff).filteredOn(d -> !"=".equals(d.get("op"))).extracting(d -> d.get("op") + d.get("text")).containsExactly("+MFA tokens are personal.");
    assertThat(user("auditor.gina").getForEntity("/api/policies/" + id + "/versions/1/export?format=docx", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theTopLevelPolicyNeedsExecutiveApprovalAndItsAuthorMayNotApproveIt() {
    var id = newId();
    var created =
        user("ciso.anna")
            .postForEntity(
                "/api/policies",
                Map.of("id", id, "title", "Information security policy", "category", "INFORMATION_SECURITY_POLICY", "owner", "ciso.anna",
                    "content", COMPLETE),
                String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    var review = submit("ciso.anna", id, List.of("reviewer.dan"));
    complete("reviewer.dan", task("reviewer.dan", review, "ReviewDraftTask"), Map.of("reviewDecision", "approve"));

    var approve = task("ciso.anna", review, "ApprovePolicyTask");

    // the approval is left open past its 5-day service level: the CISO group is notified once
    new io.ismsflow.EngineClock(brokerRestAddress).advance(Duration.ofDays(6));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                user("ciso.omar")
                    .exchange("/api/notifications", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                    .getBody()
                    .stream()
                    .filter(n -> n.get("title").toString().contains(id))
                    .count(),
            count -> count == 1);
    new io.ismsflow.EngineClock(brokerRestAddress).reset();

    var refused =
        user("ciso.anna").postForEntity("/api/tasks/" + approve + "/complete", Map.of("variables", Map.of("approvalDecision", "approve")), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("detail").toString()).contains("Four-eyes", "ciso.anna");
    complete("ciso.omar", approve, Map.of("approvalDecision", "approve"));
    complete("exec.eva", task("exec.eva", review, "ApprovePolicyAsExecutiveTask"), Map.of("executiveDecision", "approve"));
    awaitCompleted(review);

    var published = user("auditor.gina").getForObject("/api/policies/" + id + "/versions/1", Map.class);
    assertThat((List<Map<String, Object>>) published.get("approvals"))
        .extracting(a -> a.get("approver") + "/" + a.get("role"))
        .containsExactly("ciso.omar/ciso", "exec.eva/executive");
  }

  @Test
  void anAuthorWhoApprovesHerOwnPolicyInTasklistStopsItBeforePublicationAtAnIncident() {
    var id = newId();
    var created =
        user("ciso.anna")
            .postForEntity(
                "/api/policies",
                Map.of("id", id, "title", "Cryptography", "category", "TOPIC_SPECIFIC_POLICY", "owner", "ciso.anna", "content", COMPLETE),
                String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    var review = submit("ciso.anna", id, List.of("reviewer.dan"));
    complete("reviewer.dan", task("reviewer.dan", review, "ReviewDraftTask"), Map.of("reviewDecision", "approve"));

    new io.ismsflow.TasklistLikeCompletion(brokerRestAddress).complete("ciso.anna", task("ciso.anna", review, "ApprovePolicyTask"), Map.of("approvalDecision", "approve"));

    var incident = inbox().firstIncident("ciso.omar", review);
    assertThat(incident).containsEntry("elementId", "PublishPolicyTask");
    assertThat(incident.get("errorMessage").toString()).contains("Four-eyes rule", "ciso.anna", "Approve policy");
    assertThat(user("ciso.omar").getForObject("/api/policies/" + id + "/versions/1", Map.class).get("status")).isNotEqualTo("PUBLISHED");
  }

  @Test
  void theSamplePolicySetLoadsOnceAndASamplePolicyGoesThroughApprovalToPublication() {
    var first = user("ciso.anna").postForEntity("/api/policies/sample", null, Map.class);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    var all = new java.util.ArrayList<Object>((List<Object>) first.getBody().get("created"));
    all.addAll((List<Object>) first.getBody().get("existing"));
    assertThat(all).containsExactlyInAnyOrder("POL-001", "POL-002", "POL-003", "POL-004", "POL-005", "POL-006");
    var again = user("ciso.anna").postForEntity("/api/policies/sample", null, Map.class);
    assertThat((List<Object>) again.getBody().get("created")).isEmpty();
    assertThat(user("policy.carla").postForEntity("/api/policies/sample", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // as in the README: submit OT remote access, the reviewer approves, the CISO approves
    var review = submit("policy.carla", "POL-002", List.of("reviewer.dan"));
    complete("reviewer.dan", task("reviewer.dan", review, "ReviewDraftTask"), Map.of("reviewDecision", "approve", "reviewComment", "Clear"));
    complete("ciso.anna", task("ciso.anna", review, "ApprovePolicyTask"), Map.of("approvalDecision", "approve"));
    awaitCompleted(review);
    var published = user("staff.hugo").getForObject("/api/policies/POL-002/versions/1", Map.class);
    assertThat(published.get("status")).isEqualTo("PUBLISHED");
    assertThat(published.get("content").toString()).contains("jump host in zone Z1-DMZ");
  }

  @Test
  void reviewersMustBeNamedAndCannotIncludeTheAuthor() {
    var id = newId();
    user("policy.carla").postForEntity("/api/policies", Map.of("id", id, "title", "Patching", "category", "PROCEDURE", "owner", "policy.carla", "content", COMPLETE), String.class);
    var refused = user("policy.carla").postForEntity("/api/policies/" + id + "/submit", Map.of("reviewers", List.of("policy.carla")), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("problems").toString()).contains("cannot review their own draft");
    assertThat(user("staff.hugo").postForEntity("/api/policies", Map.of("id", newId(), "title", "x", "category", "PROCEDURE", "owner", "staff.hugo", "content", "x"), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static String newId() {
    return "POL-" + (10_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 89_999));
  }

  private TestRestTemplate user(String name) {
    return inbox().as(name);
  }

  private TaskInbox inbox() {
    return new TaskInbox(http);
  }

  private long task(String user, long instance, String elementId) {
    return inbox().task(user, instance, elementId);
  }

  private void complete(String user, long task, Map<String, Object> values) {
    inbox().complete(user, task, values);
  }

  private void awaitCompleted(long instance) {
    inbox().awaitCompleted(instance);
  }

  private long submit(String user, String id, List<String> reviewers) {
    var response = user(user).postForEntity("/api/policies/" + id + "/submit", Map.of("reviewers", reviewers), Map.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) response.getBody().get("processInstanceKey")).longValue();
  }

  private Map<String, Object> edit(String user, String id, String content, String summary) {
    var response =
        user(user).exchange("/api/policies/" + id + "/draft", HttpMethod.PUT, new HttpEntity<>(Map.of("content", content, "changeSummary", summary)), Map.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }


}
