package io.ismsflow.policy.web;

import io.ismsflow.identity.CurrentUser;
import io.ismsflow.policy.Policy;
import io.ismsflow.policy.PolicyService;
import io.ismsflow.policy.PolicyVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import io.ismsflow.platform.RequestRefusedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/policies")
@Tag(name = "Policies", description = "Policies and their versions: drafts, submission for approval, published texts")
class PolicyController {

  record DraftEdit(String content, String changeSummary) {}

  record Submission(List<String> reviewers) {}

  private final PolicyService policies;
  private final CurrentUser currentUser;

  PolicyController(PolicyService policies, CurrentUser currentUser) {
    this.policies = policies;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "All policies, or with due=true those whose periodic review date has come")
  List<Policy> all(@RequestParam(required = false) Boolean due) {
    return Boolean.TRUE.equals(due) ? policies.dueForReview() : policies.all();
  }

  @PostMapping
  @Operation(summary = "Create a policy with its first draft (policy owners, CISO, admins)")
  ResponseEntity<Policy> create(@RequestBody PolicyService.NewPolicy input) {
    var policy = policies.create(currentUser.get(), input);
    return ResponseEntity.created(URI.create("/api/policies/" + policy.id())).body(policy);
  }

  @PostMapping("/sample")
  @Operation(summary = "Load the sample plant's policy set as drafts (CISO, admins); loading twice creates nothing new")
  PolicyService.SampleLoaded loadSample() {
    return policies.loadSample(currentUser.get());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One policy")
  Policy policy(@PathVariable String id) {
    return policies.policy(id);
  }

  @GetMapping("/{id}/versions")
  @Operation(summary = "All versions of a policy, oldest first")
  List<PolicyVersion> versions(@PathVariable String id) {
    return policies.versions(id);
  }

  @GetMapping("/{id}/versions/{number}")
  @Operation(summary = "One version of a policy, draft or published")
  PolicyVersion version(@PathVariable String id, @PathVariable int number) {
    return policies.version(id, number);
  }

  @GetMapping("/{id}/versions/{number}/export")
  @Operation(summary = "A version as Markdown (format=markdown) or PDF (format=pdf)")
  ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable int number, @RequestParam(defaultValue = "markdown") String format) {
    var name = id + "-v" + number;
    return switch (format) {
      case "markdown" ->
          ResponseEntity.ok()
              .contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
              .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".md\"")
              .body(policies.exportMarkdown(id, number).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      case "pdf" ->
          ResponseEntity.ok()
              .contentType(MediaType.APPLICATION_PDF)
              .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".pdf\"")
              .body(policies.exportPdf(id, number));
      default -> throw RequestRefusedException.invalid("Unknown format '" + format + "'", List.of(new RequestRefusedException.FieldProblem("format", "must be markdown or pdf")));
    };
  }

  @GetMapping("/{id}/diff")
  @Operation(summary = "Line differences between two versions (op '=', '-' older only, '+' newer only)")
  List<Map<String, String>> diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
    return policies.diff(id, from, to);
  }

  @PutMapping("/{id}/draft")
  @Operation(summary = "Edit the draft; editing a published policy makes a new draft version")
  PolicyVersion editDraft(@PathVariable String id, @RequestBody DraftEdit edit) {
    return policies.editDraft(currentUser.get(), id, edit.content(), edit.changeSummary());
  }

  @PostMapping("/{id}/submit")
  @Operation(summary = "Submit the draft for review by the named reviewers and approval")
  ResponseEntity<Map<String, Long>> submit(@PathVariable String id, @RequestBody Submission submission) {
    var key = policies.submit(currentUser.get(), id, submission.reviewers());
    return ResponseEntity.created(URI.create("/api/process-instances/" + key)).body(Map.of("processInstanceKey", key));
  }
}
