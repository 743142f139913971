package io.ismsflow.risk.web;

import io.ismsflow.identity.CurrentUser;
import io.ismsflow.risk.RiskReviewRequests;
import io.ismsflow.risk.RiskReviewService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risk-reviews")
@Tag(name = "Risk reviews", description = "Start risk review cycles and read what they decided")
class RiskReviewController {

  record StartReview(List<String> riskIds) {}

  record AdHocReview(List<String> assetIds, String reason) {}

  record Started(long processInstanceKey) {}

  private final RiskReviewRequests requests;
  private final RiskReviewService reviews;
  private final CurrentUser currentUser;

  RiskReviewController(RiskReviewRequests requests, RiskReviewService reviews, CurrentUser currentUser) {
    this.requests = requests;
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  @PostMapping
  @Operation(summary = "Start a review of the given risks, or of every risk due (CISO, admin)")
  ResponseEntity<Started> start(@RequestBody(required = false) StartReview request) {
    var key = requests.startReview(currentUser.get(), request == null ? List.of() : request.riskIds());
    return ResponseEntity.created(URI.create("/api/process-instances/" + key)).body(new Started(key));
  }

  @PostMapping("/ad-hoc")
  @Operation(summary = "Request an ad-hoc review of the risks of some assets, e.g. after an incident")
  ResponseEntity<Void> adHoc(@RequestBody AdHocReview request) {
    requests.requestAdHocReview(currentUser.get(), request.assetIds(), request.reason());
    return ResponseEntity.accepted().build();
  }

  @GetMapping("/{key}/summary")
  @Operation(summary = "The summary a finished review wrote for the board report")
  ResponseEntity<RiskReviewService.ReviewSummary> summary(@PathVariable long key) {
    return ResponseEntity.of(reviews.summary(key));
  }

  @GetMapping("/{key}/escalations")
  @Operation(summary = "Overdue steps of a review that were escalated")
  List<Map<String, Object>> escalations(@PathVariable long key) {
    return reviews.escalations(key);
  }
}
