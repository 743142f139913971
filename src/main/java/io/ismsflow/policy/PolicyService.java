package io.ismsflow.policy;

import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.engine.ProcessInstanceService;
import io.ismsflow.identity.IsmsGroup;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.notification.Notifications;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import io.ismsflow.policy.Policy.Category;
import io.ismsflow.policy.Policy.PolicyStatus;
import io.ismsflow.policy.PolicyVersion.Approval;
import io.ismsflow.policy.PolicyVersion.Review;
import io.ismsflow.policy.PolicyVersion.VersionStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Policies and their versions: drafts are written and submitted by people; the approval cycle
 * ({@code bpmn/policy-approval.bpmn}) checks, reviews, approves and publishes them. Published
 * versions never change; every change is written to the audit trail.
 */
@Service
public class PolicyService {

  public static final String APPROVAL_PROCESS = "PolicyApprovalProcess";
  static final List<String> REQUIRED_SECTIONS = List.of("Purpose", "Scope", "Policy");
  private static final Pattern ID = Pattern.compile("POL-[0-9]{3,5}");
  private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  private static final String WORKER = "system:policy-approval";

  /** A new policy and the text of its first draft. */
  public record NewPolicy(
      String id, String title, Category category, String owner, Integer reviewIntervalMonths, List<String> sites, String content) {}

  private final PolicyRepository policies;
  private final PolicyVersionRepository versions;
  private final ProcessInstanceService processes;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final PolicyProperties properties;
  private final SamplePolicies samplePolicies;
  private final Clock clock;

  PolicyService(
      PolicyRepository policies,
      PolicyVersionRepository versions,
      ProcessInstanceService processes,
      AuditTrail audit,
      Notifications notifications,
      PolicyProperties properties,
      SamplePolicies samplePolicies,
      Clock clock) {
    this.policies = policies;
    this.versions = versions;
    this.processes = processes;
    this.audit = audit;
    this.notifications = notifications;
    this.properties = properties;
    this.samplePolicies = samplePolicies;
    this.clock = clock;
  }

  /** The service levels the approval cycle's timers use. */
  public Map<String, Object> serviceLevels() {
    return Map.of("reviewSla", properties.reviewSla().toString(), "approvalSla", properties.approvalSla().toString());
  }

  /** Worker step: an overdue step of a policy's approval, notified to the CISO group once per escalation event. */
  public void escalate(String policyId, int number, String step, long processInstanceKey, long eventKey) {
    notifications.notify(
        "policy-escalation-" + processInstanceKey + "-" + eventKey,
        "ciso",
        "Overdue in the approval of " + policyId,
        "The step " + step + " of the approval of " + policyId + " version " + number + " is overdue.",
        "/api/process-instances/" + processInstanceKey);
    audit.append(new AuditEvent(WORKER, List.of(), "policy.approval.escalated", "policy-version", PolicyVersion.idFor(policyId, number), null, Map.of("step", step), processInstanceKey, null));
  }

  public List<Policy> all() {
    return policies.findAll().stream().sorted(java.util.Comparator.comparing(Policy::id)).toList();
  }

  public Policy policy(String id) {
    return policies.findById(id).orElseThrow(() -> RequestRefusedException.notFound("There is no policy " + id));
  }

  public List<PolicyVersion> versions(String policyId) {
    policy(policyId);
    return versions.findByPolicyIdOrderByNumberAsc(policyId);
  }

  public PolicyVersion version(String policyId, int number) {
    return versions
        .findById(PolicyVersion.idFor(policyId, number))
        .orElseThrow(() -> RequestRefusedException.notFound("Policy " + policyId + " has no version " + number));
  }

  /** Creates a policy with its first draft (policy owners, the CISO, admins). */
  public Policy create(IsmsUser actor, NewPolicy input) {
    requireAuthor(actor);
    var problems = new ArrayList<FieldProblem>();
    if (input.id() == null || !ID.matcher(input.id()).matches()) {
      problems.add(new FieldProblem("id", "must look like POL-001"));
    }
    if (input.title() == null || input.title().isBlank() || input.title().length() > 200) {
      problems.add(new FieldProblem("title", "is required (at most 200 characters)"));
    }
    if (input.category() == null) {
      problems.add(new FieldProblem("category", "must be one of " + List.of(Category.values())));
    }
    if (input.owner() == null || !USER.matcher(input.owner()).matches()) {
      problems.add(new FieldProblem("owner", "must be a user name"));
    }
    if (input.reviewIntervalMonths() != null && (input.reviewIntervalMonths() < 1 || input.reviewIntervalMonths() > 36)) {
      problems.add(new FieldProblem("reviewIntervalMonths", "must be 1 to 36"));
    }
    checkContent(input.content(), problems, false);
    if (!problems.isEmpty()) {
      throw RequestRefusedException.invalid("The policy is invalid", problems);
    }
    if (policies.existsById(input.id())) {
      throw RequestRefusedException.conflict("Policy " + input.id() + " exists already");
    }
    var now = clock.instant();
    var policy =
        new Policy(
            input.id(), input.title().strip(), input.category(), input.owner(), PolicyStatus.DRAFT,
            input.reviewIntervalMonths() == null ? 12 : input.reviewIntervalMonths(), null, input.sites(), null, 1, now, now, null);
    var draft =
        new PolicyVersion(
            PolicyVersion.idFor(policy.id(), 1), policy.id(), 1, input.content(), "First version", actor.username(),
            VersionStatus.DRAFT, List.of(), List.of(), null, null, now, null, null);
    policies.insert(policy);
    versions.insert(draft);
    record(actor, "policy.created", policy.id(), null, policy);
    return policy;
  }

  /**
   * Edits the policy's draft; editing a policy whose newest version is published (or retired)
   * makes a new draft version from it, so a published text never changes.
   */
  public PolicyVersion editDraft(IsmsUser actor, String policyId, String content, String changeSummary) {
    requireAuthor(actor);
    var problems = new ArrayList<FieldProblem>();
    checkContent(content, problems, false);
    if (changeSummary == null || changeSummary.isBlank() || changeSummary.length() > 500) {
      problems.add(new FieldProblem("changeSummary", "say what changed (at most 500 characters)"));
    }
    if (!problems.isEmpty()) {
      throw RequestRefusedException.invalid("The draft is invalid", problems);
    }
    var policy = policy(policyId);
    var latest = version(policyId, policy.latestVersion());
    if (latest.status() == VersionStatus.IN_REVIEW) {
      throw RequestRefusedException.conflict(
          "Version " + latest.number() + " of " + policyId + " is in review; it can be changed when the reviewers ask for changes");
    }
    var now = clock.instant();
    if (latest.status() == VersionStatus.DRAFT) {
      var edited =
          new PolicyVersion(
              latest.id(), policyId, latest.number(), content, changeSummary.strip(), actor.username(), VersionStatus.DRAFT,
              latest.reviews(), List.of(), null, null, latest.createdAt(), null, latest.version());
      var saved = versions.save(edited);
      record(actor, "policy.draft-edited", latest.id(), latest, saved);
      return saved;
    }
    var number = latest.number() + 1;
    var draft =
        new PolicyVersion(
            PolicyVersion.idFor(policyId, number), policyId, number, content, changeSummary.strip(), actor.username(),
            VersionStatus.DRAFT, List.of(), List.of(), null, null, now, null, null);
    versions.insert(draft);
    policies.save(policy.with(policy.status(), policy.publishedVersion(), number, policy.nextReviewDate(), now));
    record(actor, "policy.draft-created", draft.id(), null, draft);
    return draft;
  }

  /** Submits the policy's draft for approval by the reviewers chosen here; starts the approval cycle. */
  public long submit(IsmsUser actor, String policyId, List<String> reviewers) {
    var policy = policy(policyId);
    var draft = version(policyId, policy.latestVersion());
    if (!actor.username().equals(draft.author()) && !actor.username().equals(policy.owner()) && !actor.isIn(IsmsGroup.CISO)) {
      throw RequestRefusedException.forbidden("Only the draft's author, the policy's owner or the CISO submit it");
    }
    if (draft.status() != VersionStatus.DRAFT) {
      throw RequestRefusedException.conflict("Version " + draft.number() + " of " + policyId + " is " + draft.status() + ", not a draft");
    }
    var problems = new ArrayList<FieldProblem>();
    if (reviewers == null || reviewers.isEmpty() || reviewers.size() > 20) {
      problems.add(new FieldProblem("reviewers", "name 1 to 20 reviewers"));
    } else {
      for (var reviewer : reviewers) {
        if (reviewer == null || !USER.matcher(reviewer).matches()) {
          problems.add(new FieldProblem("reviewers", "'" + reviewer + "' is not a user name"));
        } else if (reviewer.equals(draft.author())) {
          problems.add(new FieldProblem("reviewers", "the author (" + reviewer + ") cannot review their own draft"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw RequestRefusedException.invalid("The submission is invalid", problems);
    }
    var variables = new java.util.HashMap<String, Object>(serviceLevels());
    variables.put("policyId", policyId);
    variables.put("versionNumber", draft.number());
    variables.put("policyTitle", policy.title());
    variables.put("author", draft.author());
    variables.put("reviewers", List.copyOf(new java.util.LinkedHashSet<>(reviewers)));
    variables.put("topLevel", policy.isTopLevel());
    var key = processes.start(actor, APPROVAL_PROCESS, variables);
    record(actor, "policy.submitted", draft.id(), null, Map.of("reviewers", reviewers, "approvalProcess", key));
    return key;
  }

  /** Worker step: the problems of a draft (empty when complete); a complete draft goes into review. */
  public List<String> checkDraft(String policyId, int number) {
    var policy = policy(policyId);
    var draft = version(policyId, number);
    var problems = new ArrayList<String>();
    var fields = new ArrayList<FieldProblem>();
    checkContent(draft.content(), fields, true);
    fields.forEach(f -> problems.add(f.message()));
    if (policy.owner() == null || policy.owner().isBlank()) {
      problems.add("The policy has no owner");
    }
    if (policy.reviewIntervalMonths() < 1) {
      problems.add("The policy has no review interval");
    }
    var status = problems.isEmpty() ? VersionStatus.IN_REVIEW : VersionStatus.DRAFT;
    if (draft.status() != status && draft.status() != VersionStatus.PUBLISHED) {
      versions.save(draft.withStatus(status));
      if (status == VersionStatus.IN_REVIEW) {
        policies.save(policy.with(PolicyStatus.IN_REVIEW, policy.publishedVersion(), policy.latestVersion(), policy.nextReviewDate(), clock.instant()));
      }
    }
    return problems;
  }

  /** Worker step: the reviewers' decisions, recorded on the version; true if any asked for changes. */
  public boolean recordReviews(String policyId, int number, List<Review> reviews) {
    var draft = version(policyId, number);
    var all = new ArrayList<>(draft.reviews());
    reviews.stream().filter(r -> !all.contains(r)).forEach(all::add);
    versions.save(
        new PolicyVersion(
            draft.id(), policyId, number, draft.content(), draft.changeSummary(), draft.author(), draft.status(), all,
            draft.approvals(), draft.effectiveDate(), draft.sha256(), draft.createdAt(), draft.publishedAt(), draft.version()));
    return reviews.stream().anyMatch(r -> !"approve".equals(r.decision()));
  }

  /** Worker step: the draft goes back to its author for changes. */
  public void reopenDraft(String policyId, int number) {
    var draft = version(policyId, number);
    if (draft.status() == VersionStatus.IN_REVIEW) {
      versions.save(draft.withStatus(VersionStatus.DRAFT));
      var policy = policy(policyId);
      policies.save(policy.with(PolicyStatus.DRAFT, policy.publishedVersion(), policy.latestVersion(), policy.nextReviewDate(), clock.instant()));
    }
  }

  /**
   * Worker step: freezes the approved version with the SHA-256 of its content and today's
   * effective date, retires the version it replaces and sets the next review date. Idempotent.
   */
  public PolicyVersion publish(String policyId, int number, List<Approval> approvals) {
    var draft = version(policyId, number);
    if (draft.status() == VersionStatus.PUBLISHED) {
      return draft;
    }
    var policy = policy(policyId);
    var today = LocalDate.now(clock);
    var now = clock.instant();
    var published =
        new PolicyVersion(
            draft.id(), policyId, number, draft.content(), draft.changeSummary(), draft.author(), VersionStatus.PUBLISHED,
            draft.reviews(), approvals, today, sha256(draft.content()), draft.createdAt(), now, draft.version());
    if (policy.publishedVersion() != null && policy.publishedVersion() != number) {
      versions.findById(PolicyVersion.idFor(policyId, policy.publishedVersion()))
          .filter(v -> v.status() == VersionStatus.PUBLISHED)
          .ifPresent(previous -> versions.save(previous.withStatus(VersionStatus.RETIRED)));
    }
    var saved = versions.save(published);
    policies.save(policy.with(PolicyStatus.PUBLISHED, number, Math.max(number, policy.latestVersion()), today.plusMonths(policy.reviewIntervalMonths()), now));
    audit.append(new AuditEvent(WORKER, List.of(), "policy.published", "policy-version", saved.id(), draft, saved, null, null));
    return saved;
  }

  /** Published policies whose review date has come. */
  public List<Policy> dueForReview() {
    var today = LocalDate.now(clock);
    return all().stream()
        .filter(p -> p.status() == PolicyStatus.PUBLISHED && p.nextReviewDate() != null && !p.nextReviewDate().isAfter(today))
        .toList();
  }

  /** Worker step: the owner found the policy still valid; its next review date moves on. */
  public Policy confirmStillValid(String policyId, String reviewedBy, String comment) {
    var policy = policy(policyId);
    var next = LocalDate.now(clock).plusMonths(policy.reviewIntervalMonths());
    var updated = policies.save(policy.with(policy.status(), policy.publishedVersion(), policy.latestVersion(), next, clock.instant()));
    audit.append(
        new AuditEvent(
            reviewedBy == null ? WORKER : reviewedBy, List.of(), "policy.review.still-valid", "policy", policyId, policy, Map.of("nextReviewDate", next.toString(), "comment", comment == null ? "" : comment), null, null));
    return updated;
  }

  /**
   * Worker step: a draft for the update of a published policy, from its published text, by its
   * owner; reuses a draft that exists already, so a retried job creates one draft.
   */
  public PolicyVersion createUpdateDraft(String policyId) {
    var policy = policy(policyId);
    var latest = version(policyId, policy.latestVersion());
    if (latest.status() == VersionStatus.DRAFT) {
      return latest;
    }
    var number = latest.number() + 1;
    var draft =
        new PolicyVersion(
            PolicyVersion.idFor(policyId, number), policyId, number, latest.content(), "Periodic review: update", policy.owner(),
            VersionStatus.DRAFT, List.of(), List.of(), null, null, clock.instant(), null, null);
    versions.insert(draft);
    policies.save(policy.with(policy.status(), policy.publishedVersion(), number, policy.nextReviewDate(), clock.instant()));
    audit.append(new AuditEvent(WORKER, List.of(), "policy.draft-created", "policy-version", draft.id(), null, draft, null, null));
    return draft;
  }

  /** Who reviewed the version in force, to review its update again. */
  public List<String> previousReviewers(String policyId) {
    var policy = policy(policyId);
    if (policy.publishedVersion() == null) {
      return List.of();
    }
    return version(policyId, policy.publishedVersion()).reviews().stream().map(Review::reviewer).distinct().toList();
  }

  /** What loading the sample policy set did. */
  public record SampleLoaded(List<String> created, List<String> existing) {}

  /**
   * Loads the sample policy set of the sample plant as drafts (CISO, admins). Policies that exist
   * already are left as they are, so loading twice creates nothing new.
   */
  public SampleLoaded loadSample(IsmsUser actor) {
    return loadSample(actor, samplePolicies.read());
  }

  SampleLoaded loadSample(IsmsUser actor, List<NewPolicy> sample) {
    if (!actor.isInAny(IsmsGroup.CISO, IsmsGroup.ADMIN) || actor.isIn(IsmsGroup.AUDITOR)) {
      throw RequestRefusedException.forbidden("The sample policies are loaded by the CISO or an admin");
    }
    var created = new ArrayList<String>();
    var existing = new ArrayList<String>();
    for (var policy : sample) {
      if (policies.existsById(policy.id())) {
        existing.add(policy.id());
        continue;
      }
      var owner = new IsmsUser(policy.owner(), policy.owner(), java.util.Set.of("policy-owner"));
      create(owner, policy);
      created.add(policy.id());
    }
    return new SampleLoaded(created, existing);
  }

  /** A version as Markdown, with its identity (version, status, effective date, SHA-256, approvals) in front. */
  public String exportMarkdown(String policyId, int number) {
    return PolicyDocuments.markdown(policy(policyId), version(policyId, number));
  }

  /** A version as a PDF to hand out. */
  public byte[] exportPdf(String policyId, int number) {
    return PolicyDocuments.pdf(policy(policyId), version(policyId, number));
  }

  /** The line differences from one version of a policy to another. */
  public List<Map<String, String>> diff(String policyId, int from, int to) {
    var older = version(policyId, from);
    var newer = version(policyId, to);
    return PolicyDocuments.diff(older.content(), newer.content()).stream().map(d -> Map.of("op", d.op(), "text", d.text())).toList();
  }

  static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Size always; the required sections only when the draft is checked for review, since drafts grow. */
  private static void checkContent(String content, List<FieldProblem> problems, boolean complete) {
    if (content == null || content.isBlank()) {
      problems.add(new FieldProblem("content", "the policy text is required"));
      return;
    }
    if (content.length() > 200_000) {
      problems.add(new FieldProblem("content", "at most 200,000 characters"));
    }
    if (!complete) {
      return;
    }
    var headings =
        content.lines().filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)).toList();
    for (var section : REQUIRED_SECTIONS) {
      if (!headings.contains(section.toLowerCase(Locale.ROOT))) {
        problems.add(new FieldProblem("content", "the section '" + section + "' is missing (a heading '## " + section + "')"));
      }
    }
  }

  private static void requireAuthor(IsmsUser actor) {
    if (!actor.isInAny(IsmsGroup.POLICY_OWNER, IsmsGroup.CISO, IsmsGroup.ADMIN) || actor.isIn(IsmsGroup.AUDITOR)) {
      throw RequestRefusedException.forbidden("Policies are written by policy owners, the CISO and admins; you (" + actor.username() + ") are in " + actor.groupList());
    }
  }

  private void record(IsmsUser actor, String action, String subject, Object before, Object after) {
    audit.append(new AuditEvent(actor.username(), actor.groupList(), action, "policy", subject, before, after, null, null));
  }
}
