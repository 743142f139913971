package io.ismsflow.risk.web;

import io.ismsflow.identity.CurrentUser;
import io.ismsflow.platform.Exports;
import io.ismsflow.platform.ImportResult;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.risk.Risk;
import io.ismsflow.risk.RiskAssessment;
import io.ismsflow.risk.RiskInput;
import io.ismsflow.risk.RiskRegisterService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/risks")
@Tag(
    name = "Risks",
    description = "The risk register, IT and OT: read by everyone; changed by the CISO and admins, and by risk owners for their own risks")
class RiskController {

  private final RiskRegisterService register;
  private final CurrentUser currentUser;

  RiskController(RiskRegisterService register, CurrentUser currentUser) {
    this.register = register;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Risks by id, filtered; closed risks only when asked for with status=CLOSED")
  List<Risk> list(
      @Parameter(description = "levels, e.g. HIGH,CRITICAL") @RequestParam(required = false) String level,
      @Parameter(description = "inherent (default) or residual: which level 'level' means") @RequestParam(required = false)
          String levelOf,
      @Parameter(description = "user name of the risk owner") @RequestParam(required = false) String owner,
      @Parameter(description = "risks linked to this asset") @RequestParam(required = false) String assetId,
      @Parameter(description = "risks linked to an asset in this IEC 62443 zone") @RequestParam(required = false) String zone,
      @Parameter(description = "true: review date passed or an open treatment action past due") @RequestParam(required = false)
          String overdue,
      @Parameter(description = "statuses, e.g. OPEN,TREATING (default: all but CLOSED)") @RequestParam(required = false)
          String status) {
    return register.list(new RiskRegisterService.Filter(level, levelOf, owner, assetId, zone, overdue, status));
  }

  @GetMapping("/heatmap")
  @Operation(
      summary = "How many risks sit in each likelihood x impact cell of the matrix, with its size and the appetite",
      description = "Takes the filters of the list too (level, owner, assetId, zone, overdue, status).")
  RiskRegisterService.Heatmap heatmap(
      @Parameter(description = "inherent (default) or residual") @RequestParam(required = false) String kind,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String levelOf,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String assetId,
      @RequestParam(required = false) String zone,
      @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String status) {
    return register.heatmap(kind, new RiskRegisterService.Filter(level, levelOf, owner, assetId, zone, overdue, status));
  }

  @GetMapping("/export")
  @Operation(summary = "The whole risk register, closed risks included, as CSV (importable again) or JSON")
  ResponseEntity<?> export(@Parameter(description = "csv or json") @RequestParam(defaultValue = "csv") String format) {
    return Exports.respond(format, "risks", register::exportCsv, register::all);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One risk, closed or not")
  Risk get(@PathVariable String id) {
    return register.get(id);
  }

  @GetMapping("/{id}/assessments")
  @Operation(summary = "The risk's assessments from its reviews, oldest first (never changed once written)")
  List<RiskAssessment> assessments(@PathVariable String id) {
    return register.assessments(id);
  }

  @PostMapping
  @Operation(
      summary = "Add a risk (CISO, admin)",
      description = "Scores and levels are computed from likelihood and impact. 400 with a problem per bad field; 409 if the id exists.")
  ResponseEntity<Risk> create(@RequestBody RiskInput input) {
    var created = register.create(currentUser.get(), input);
    return ResponseEntity.created(URI.create("/api/risks/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Change a risk (CISO, admin; its owner too, but not its owner or closing it)",
      description = "Left out (null): assetIds, treatmentActions, reviewIntervalDays, nextReviewDate, status and"
          + " lastRationale keep their values; other fields are replaced.")
  Risk update(@PathVariable String id, @RequestBody RiskInput input) {
    return register.update(currentUser.get(), id, input);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Close a risk (CISO, admin): status CLOSED; it stays readable with its history")
  ResponseEntity<Void> delete(@PathVariable String id) {
    register.delete(currentUser.get(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  @Operation(
      summary = "Add and update risks from a CSV file (CISO, admin); all or nothing",
      description = "UTF-8 (a byte order mark is fine), header row, at most " + RiskRegisterService.MAX_IMPORT_ROWS
          + " rows; the assets named must exist. Every row is checked first: if any is bad, 400 lists every problem"
          + " as {row, column, message} and nothing is stored. Otherwise risks are created or updated by id.")
  ImportResult importCsv(@RequestBody byte[] csv) {
    return register.importCsv(currentUser.get(), csv);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return RequestRefusedException.unreadableBody(e).toProblemDetail();
  }
}
