package io.ismsflow.reporting.web;

import io.ismsflow.identity.CurrentUser;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import io.ismsflow.reporting.BoardReport;
import io.ismsflow.reporting.BoardReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/board-reports")
@Tag(name = "Board reporting", description = "The CISO's security posture reports to executive leadership and the board")
class BoardReportController {

  /** A report request: both days (YYYY-MM-DD) or neither, for the quarter to date. */
  record ReportRequest(String from, String to) {}

  /** A report in a list: what it covers, where it stands, its versions, which of its steps were escalated. */
  record ReportSummary(
      String id, String title, LocalDate periodFrom, LocalDate periodTo, BoardReport.ReportStatus status, String trigger, Long processInstanceKey,
      int versions, BoardReport.FinalVersion finalVersion, List<String> escalatedSteps, java.time.Instant updatedAt) {

    static ReportSummary of(BoardReport report) {
      return new ReportSummary(
          report.id(), report.title(), report.periodFrom(), report.periodTo(), report.status(), report.trigger(), report.processInstanceKey(),
          report.versions().size(), report.finalVersion(), report.escalations().stream().map(BoardReport.Escalation::step).distinct().toList(), report.updatedAt());
    }
  }

  private final BoardReportService reports;
  private final CurrentUser currentUser;

  BoardReportController(BoardReportService reports, CurrentUser currentUser) {
    this.reports = reports;
    this.currentUser = currentUser;
  }

  @PostMapping
  @Operation(summary = "Start a board report now (CISO, admin): for a period, or the quarter to date")
  ResponseEntity<BoardReportService.Requested> request(@RequestBody(required = false) ReportRequest request) {
    var from = request == null ? null : date("from", request.from());
    var to = request == null ? null : date("to", request.to());
    var requested = reports.request(currentUser.get(), from, to);
    return ResponseEntity.created(URI.create("/api/board-reports/" + requested.reportId())).body(requested);
  }

  @GetMapping
  @Operation(summary = "All board reports, newest period first")
  List<ReportSummary> list() {
    return reports.list(currentUser.get()).stream().map(ReportSummary::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "A board report: figures, commentary, sign-offs, versions, distribution and decisions")
  BoardReport get(@PathVariable String id) {
    return reports.get(currentUser.get(), id);
  }

  @GetMapping("/{id}/versions/{version}.{format}")
  @Operation(summary = "The PDF or JSON of a version, as stored (header X-Content-SHA256: its recorded hash)")
  ResponseEntity<byte[]> version(@PathVariable String id, @PathVariable String version, @PathVariable String format) {
    int number;
    try {
      number = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw RequestRefusedException.invalid("The version is invalid", List.of(new FieldProblem("version", "a version number such as 1")));
    }
    return download(id, number, format);
  }

  @GetMapping("/{id}/final.{format}")
  @Operation(summary = "The PDF or JSON of the final, signed-off version")
  ResponseEntity<byte[]> finalVersion(@PathVariable String id, @PathVariable String format) {
    var report = reports.get(currentUser.get(), id);
    if (report.finalVersion() == null) {
      throw RequestRefusedException.conflict("Report " + id + " is not final yet (" + report.status().name().toLowerCase() + ")");
    }
    return download(id, report.finalVersion().number(), format);
  }

  @GetMapping("/{id}/latest.{format}")
  @Operation(summary = "The PDF or JSON of the latest version, draft or final")
  ResponseEntity<byte[]> latest(@PathVariable String id, @PathVariable String format) {
    var report = reports.get(currentUser.get(), id);
    if (report.versions().isEmpty()) {
      throw RequestRefusedException.conflict("Report " + id + " has not been rendered yet");
    }
    return download(id, report.versions().getLast().number(), format);
  }

  private ResponseEntity<byte[]> download(String id, int version, String format) {
    if (!"pdf".equals(format) && !"json".equals(format)) {
      throw RequestRefusedException.invalid("The format is invalid", List.of(new FieldProblem("format", "pdf or json")));
    }
    var file = reports.download(currentUser.get(), id, version, format);
    return ResponseEntity.ok()
        .contentType("pdf".equals(format) ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file.fileName()).build().toString())
        .header("X-Content-SHA256", file.sha256())
        .body(file.content());
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value.strip()).toLocalDate();
      } catch (DateTimeParseException again) {
        throw RequestRefusedException.invalid("The period is invalid", List.of(new FieldProblem(field, "a date as YYYY-MM-DD")));
      }
    }
  }
}
