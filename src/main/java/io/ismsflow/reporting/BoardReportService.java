package io.ismsflow.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.engine.ProcessInstanceService;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.identity.UserDirectory;
import io.ismsflow.notification.Notifications;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import io.ismsflow.reporting.BoardReport.Change;
import io.ismsflow.reporting.BoardReport.Commentary;
import io.ismsflow.reporting.BoardReport.Comparison;
import io.ismsflow.reporting.BoardReport.Decisions;
import io.ismsflow.reporting.BoardReport.Distribution;
import io.ismsflow.reporting.BoardReport.Escalation;
import io.ismsflow.reporting.BoardReport.FinalVersion;
import io.ismsflow.reporting.BoardReport.Recipient;
import io.ismsflow.reporting.BoardReport.RenderedVersion;
import io.ismsflow.reporting.BoardReport.ReportStatus;
import io.ismsflow.reporting.BoardReport.SignOff;
import io.ismsflow.reporting.BoardReport.TrendPoint;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The board report cycle's record keeping: a report's figures collected once, each rendering kept
 * as a new version, the CISO's commentary and the executive sign-off recorded, the signed-off
 * version frozen with its SHA-256, its distribution and the board's decisions. Every step can run
 * again after a failure without doing its work twice.
 */
@Service
public class BoardReportService {

  public static final String PROCESS_ID = "BoardReportProcess";
  static final String WORKER = "board-report-worker";
  private static final int TREND_REPORTS = 5;
  private static final Logger log = LoggerFactory.getLogger(BoardReportService.class);

  /** A report requested through the API. */
  public record Requested(String reportId, long processInstanceKey) {}

  private final BoardReportRepository reports;
  private final BoardReportFileRepository files;
  private final BoardMetrics metrics;
  private final BoardReportPdf pdf;
  private final BoardActions actions;
  private final ProcessInstanceService processes;
  private final Notifications notifications;
  private final UserDirectory directory;
  private final ReportMail mail;
  private final ReportingProperties properties;
  private final ObjectMapper json;
  private final AuditTrail audit;
  private final Clock clock;

  BoardReportService(
      BoardReportRepository reports,
      BoardReportFileRepository files,
      BoardMetrics metrics,
      BoardReportPdf pdf,
      BoardActions actions,
      ProcessInstanceService processes,
      Notifications notifications,
      UserDirectory directory,
      ReportMail mail,
      ReportingProperties properties,
      ObjectMapper json,
      AuditTrail audit,
      Clock clock) {
    this.reports = reports;
    this.files = files;
    this.metrics = metrics;
    this.pdf = pdf;
    this.actions = actions;
    this.processes = processes;
    this.notifications = notifications;
    this.directory = directory;
    this.mail = mail;
    this.properties = properties;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
  }

  // ---- on demand

  /**
   * Starts a report on demand for a period (default: the current quarter to date). The report's id
   * is reserved first, so the caller gets it at once; if the start fails, the reservation goes.
   */
  public Requested request(IsmsUser actor, LocalDate from, LocalDate to) {
    var today = LocalDate.now(clock);
    var period = period(from, to, today);
    var reserved = reserve(period, "on demand", actor.username(), null);
    try {
      var variables = new HashMap<String, Object>();
      variables.put("reportId", reserved.id());
      variables.put("reportTitle", reserved.title());
      var key = processes.start(actor, PROCESS_ID, variables);
      audit.append(new AuditEvent(actor.username(), actor.groupList(), "board-report.requested", "board-report", reserved.id(), null, Map.of("periodFrom", period.from().toString(), "periodTo", period.to().toString()), key, null));
      return new Requested(reserved.id(), key);
    } catch (RuntimeException e) {
      reports.deleteById(reserved.id());
      throw e;
    }
  }

  private static ReportPeriod period(LocalDate from, LocalDate to, LocalDate today) {
    if (from == null && to == null) {
      return ReportPeriods.quarterToDate(today);
    }
    if (from == null || to == null || to.isBefore(from)) {
      throw RequestRefusedException.invalid(
          "The period is invalid", List.of(new FieldProblem("from/to", "give both dates (YYYY-MM-DD), the end on or after the start, or neither for the quarter to date")));
    }
    if (to.isAfter(today)) {
      throw RequestRefusedException.invalid("The period is invalid", List.of(new FieldProblem("to", "the period cannot end after today (" + today + ")")));
    }
    if (from.isBefore(to.minusYears(2))) {
      throw RequestRefusedException.invalid("The period is invalid", List.of(new FieldProblem("from", "a report covers at most two years")));
    }
    return new ReportPeriod(from, to);
  }

  /** Inserts the report under the period's id, or the first free one with a suffix (-2, -3, ...). */
  private BoardReport reserve(ReportPeriod period, String trigger, String requestedBy, Long processInstanceKey) {
    var base = ReportPeriods.reportId(period);
    var title = "Security posture, " + ReportPeriods.label(period);
    var now = clock.instant();
    for (int n = 1; n <= 100; n++) {
      var id = n == 1 ? base : base + "-" + n;
      if (reports.existsById(id)) {
        continue;
      }
      try {
        return reports.insert(
            new BoardReport(id, title, period.from(), period.to(), ReportStatus.REQUESTED, trigger, requestedBy, processInstanceKey, null, null, null, null, null, null, null, null, null, null, now, now, null));
      } catch (DuplicateKeyException e) {
        // taken meanwhile: try the next
      }
    }
    throw RequestRefusedException.conflict("There are already 100 reports for " + ReportPeriods.label(period));
  }

  // ---- steps of the process

  /**
   * Collects the figures of the report's period; a scheduled report (no id yet) covers the quarter
   * that ended before the day its timer fired, however late the worker runs. Once collected, the
   * figures stay as they are for every version.
   */
  BoardReport collect(long processInstanceKey, String reportId, LocalDate startedOn) {
    var report =
        reportId != null
            ? find(reportId)
            : reports
                .findFirstByProcessInstanceKey(processInstanceKey)
                .orElseGet(() -> reserve(ReportPeriods.previousQuarter(startedOn), "schedule", null, processInstanceKey));
    if (report.figures() != null) {
      return report;
    }
    var figures = metrics.collect(report.period());
    var collected = reports.save(report.withFigures(processInstanceKey, figures, compare(report, figures), clock.instant()));
    audit.append(new AuditEvent(WORKER, List.of(), "board-report.figures-collected", "board-report", report.id(), null, Map.of("headlines", headlineValues(figures.sections(), figures.headlines())), processInstanceKey, null));
    return collected;
  }

  /** The previous final report's headline figures against these, and the trend over the last reports. */
  private Comparison compare(BoardReport report, BoardMetrics.Figures figures) {
    var earlier =
        reports.findByFinalVersionNotNullOrderByPeriodToDesc().stream()
            .filter(r -> !r.id().equals(report.id()) && r.figures() != null && !r.periodTo().isAfter(report.periodTo()))
            .limit(TREND_REPORTS - 1)
            .toList();
    var now = headlineValues(figures.sections(), figures.headlines());
    var previous = earlier.isEmpty() ? null : earlier.getFirst();
    var before = previous == null ? Map.<String, Long>of() : headlineValues(previous.figures(), figures.headlines());
    var changes = new ArrayList<Change>();
    for (var headline : figures.headlines()) {
      changes.add(new Change(headline.path(), headline.label(), now.get(headline.path()), previous == null ? null : before.get(headline.path()), headline.lowerIsBetter()));
    }
    var trend = new ArrayList<TrendPoint>();
    earlier.reversed().forEach(r -> trend.add(new TrendPoint(r.id(), ReportPeriods.shortLabel(r.period()), headlineValues(r.figures(), figures.headlines()))));
    trend.add(new TrendPoint(report.id(), ReportPeriods.shortLabel(report.period()), now));
    var newTop = new ArrayList<String>();
    if (previous != null) {
      var was = topRiskIds(previous.figures());
      topRiskIds(figures.sections()).stream().filter(id -> !was.contains(id)).forEach(newTop::add);
    }
    return new Comparison(previous == null ? null : previous.id(), previous == null ? null : ReportPeriods.label(previous.period()), changes, trend, newTop);
  }

  private static Map<String, Long> headlineValues(Map<String, Map<String, Object>> sections, List<BoardMetrics.SectionHeadline> headlines) {
    var values = new LinkedHashMap<String, Long>();
    for (var headline : headlines) {
      var section = sections.get(headline.section());
      values.put(headline.path(), section != null && section.get(headline.key()) instanceof Number n ? n.longValue() : 0L);
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private static List<String> topRiskIds(Map<String, Map<String, Object>> sections) {
    var risks = sections.get("risks");
    if (risks == null || !(risks.get("topRisks") instanceof List<?> top)) {
      return List.of();
    }
    return ((List<Map<String, Object>>) top).stream().map(r -> String.valueOf(r.get("id"))).toList();
  }

  /**
   * Renders the next version of the draft, with the CISO's commentary when given. A retried job
   * (same element instance) gets the version it already rendered.
   */
  RenderedVersion render(String reportId, long renderedFor, Commentary commentary) {
    var report = find(reportId);
    var done = report.versions().stream().filter(v -> v.renderedFor() == renderedFor).findFirst();
    if (done.isPresent()) {
      return done.get();
    }
    if (report.isFrozen()) {
      throw RequestRefusedException.conflict("Report " + reportId + " is final and cannot be rendered again");
    }
    if (report.figures() == null) {
      throw RequestRefusedException.conflict("The figures of report " + reportId + " have not been collected");
    }
    var now = clock.instant();
    if (commentary != null) {
      report = report.withCommentary(commentary, now);
    }
    var number = report.versions().size() + 1;
    var rendered = store(report, number, "DRAFT", null, renderedFor, commentary == null ? "draft" : "draft with commentary", now);
    var saved = reports.save(report.withVersion(rendered, commentary == null ? ReportStatus.DRAFT : ReportStatus.IN_SIGN_OFF, now));
    audit.append(new AuditEvent(WORKER, List.of(), "board-report.rendered", "board-report", reportId, null, rendered, saved.processInstanceKey(), null));
    return rendered;
  }

  /** Records an executive's decision on the latest version: executive leadership stays accountable. */
  SignOff recordSignOff(String reportId, String decision, String comment, String by) {
    var report = find(reportId);
    if (report.versions().isEmpty()) {
      throw RequestRefusedException.conflict("Report " + reportId + " has no version to sign off");
    }
    var latest = report.versions().getLast().number();
    var recorded = report.signOffs().stream().filter(s -> s.reportVersion() == latest).findFirst();
    if (recorded.isPresent()) {
      return recorded.get();
    }
    var approve = "approve".equals(decision);
    var signOff = new SignOff(latest, approve ? "approve" : "changes", comment == null || comment.isBlank() ? null : comment.strip(), by, clock.instant());
    var saved = reports.save(report.withSignOff(signOff, approve ? ReportStatus.IN_SIGN_OFF : ReportStatus.CHANGES_REQUESTED, clock.instant()));
    audit.append(new AuditEvent(by == null ? WORKER : by, List.of("executive"), approve ? "board-report.signed-off" : "board-report.changes-requested", "board-report", reportId, null, signOff, saved.processInstanceKey(), null));
    return signOff;
  }

  /** Renders the final version (no draft mark, with the sign-off) and freezes it with its SHA-256. */
  FinalVersion finalizeReport(String reportId, long renderedFor) {
    var report = find(reportId);
    if (report.isFrozen()) {
      return report.finalVersion();
    }
    var signOff = report.signOffs().isEmpty() ? null : report.signOffs().getLast();
    if (signOff == null || !"approve".equals(signOff.decision()) || signOff.reportVersion() != report.versions().getLast().number()) {
      throw RequestRefusedException.conflict("Report " + reportId + " is not signed off in its latest version");
    }
    var now = clock.instant();
    var number = report.versions().size() + 1;
    var rendered = store(report, number, "FINAL", signOff, renderedFor, "final", now);
    var frozen = new FinalVersion(number, rendered.pdfSha256(), rendered.jsonSha256(), signOff.by(), now);
    var saved = reports.save(report.withFinalVersion(rendered, frozen, now));
    audit.append(new AuditEvent(WORKER, List.of(), "board-report.finalized", "board-report", reportId, null, frozen, saved.processInstanceKey(), null));
    return frozen;
  }

  /**
   * Records that a step of the report's cycle is overdue and tells the groups named in the model;
   * once per timer event, so a retried job neither records nor notifies twice.
   */
  Escalation recordEscalation(String reportId, String step, List<String> notify, long eventKey) {
    var report = find(reportId);
    var existing = report.escalations().stream().filter(e -> e.eventKey() == eventKey).findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    var escalation = new Escalation(step, List.copyOf(notify), eventKey, clock.instant());
    var saved = reports.save(report.withEscalation(escalation, clock.instant()));
    var what = BoardReportRules.stepLabel(step);
    for (var group : notify) {
      notifications.notify(
          "board-report-escalation:" + reportId + ":" + eventKey + ":" + group, group, "Overdue: " + what + " of " + report.title(),
          "The " + what + " of board report " + reportId + " is overdue.", "/api/board-reports/" + reportId);
    }
    audit.append(new AuditEvent(WORKER, List.of(), "board-report.escalated", "board-report", reportId, null, Map.of("step", step, "notified", notify), saved.processInstanceKey(), null));
    return escalation;
  }

  /** Notifies the configured groups in the app and mails the final PDF where an SMTP server is configured. */
  Distribution distribute(String reportId) {
    var report = find(reportId);
    if (report.distribution() != null) {
      return report.distribution();
    }
    if (!report.isFrozen()) {
      throw RequestRefusedException.conflict("Report " + reportId + " is not final and cannot be distributed");
    }
    var settings = properties.distribution();
    var recipients = new ArrayList<Recipient>();
    var link = "/api/board-reports/" + reportId + "/final.pdf";
    for (var group : settings.groups()) {
      notifications.notify(
          "board-report:" + reportId + ":" + group, group, "Board report final: " + report.title(),
          "The signed-off security posture report " + reportId + " is available (SHA-256 " + report.finalVersion().pdfSha256() + ").", link);
      var members = directory.membersOf(group);
      if (members.isPresent()) {
        members.get().forEach(user -> recipients.add(new Recipient(user, "app", "notified", "member of " + group)));
      } else {
        recipients.add(new Recipient("group " + group, "app", "notified", "members are managed by the identity provider"));
      }
    }
    var configured = mail.isConfigured();
    if (!settings.mailTo().isEmpty()) {
      var file = file(reportId, report.finalVersion().number(), "pdf");
      for (var address : settings.mailTo()) {
        var problem =
            mail.send(
                settings.mailFrom(), address, "[ISMS] " + report.title() + " (final)",
                "The signed-off security posture report " + reportId + " is attached.\nSHA-256 of the PDF: " + report.finalVersion().pdfSha256() + "\n",
                reportId + ".pdf", file.content());
        recipients.add(new Recipient(address, "mail", problem.isEmpty() ? "sent" : "not sent", problem.orElse(null)));
        problem.ifPresent(p -> log.warn("Board report {}: mail to {} not sent: {}", reportId, address, p));
      }
    }
    var note =
        settings.mailTo().isEmpty()
            ? "No mail addresses are configured (isms.reporting.distribution.mail-to): recipients were notified in the app."
            : configured ? "Mailed to the configured addresses; recipients were notified in the app." : "Mail not sent: no SMTP server is configured (spring.mail.host); recipients were notified in the app.";
    if (!configured && !settings.mailTo().isEmpty()) {
      log.warn("Board report {}: {}", reportId, note);
    }
    var distribution = new Distribution(recipients, configured, note, clock.instant());
    var saved = reports.save(report.withDistribution(distribution, clock.instant()));
    audit.append(new AuditEvent(WORKER, List.of(), "board-report.distributed", "board-report", reportId, null, distribution, saved.processInstanceKey(), null));
    return distribution;
  }

  /** Records the board's decisions and creates their actions. */
  List<String> recordDecisions(String reportId, LocalDate meetingDate, String minutes, String actionLines, String recordedBy) {
    var report = find(reportId);
    if (report.decisions() != null) {
      return report.decisions().actionIds();
    }
    var ids = actions.createFor(reportId, actionLines, recordedBy);
    var decisions = new Decisions(meetingDate, minutes == null ? null : minutes.strip(), ids, recordedBy, clock.instant());
    var saved = reports.save(report.withDecisions(decisions, clock.instant()));
    audit.append(new AuditEvent(recordedBy == null ? WORKER : recordedBy, List.of("board-secretary"), "board-report.decisions-recorded", "board-report", reportId, null, decisions, saved.processInstanceKey(), null));
    return ids;
  }

  // ---- reading

  public List<BoardReport> list(IsmsUser viewer) {
    BoardActions.requireReader(viewer);
    return reports.findAll(Sort.by(Sort.Direction.DESC, "periodTo").and(Sort.by("id")));
  }

  public BoardReport get(IsmsUser viewer, String id) {
    BoardActions.requireReader(viewer);
    return find(id);
  }

  /** A stored file of a version, checked against the SHA-256 recorded for it. */
  public Download download(IsmsUser viewer, String id, int version, String format) {
    BoardActions.requireReader(viewer);
    var report = find(id);
    var rendered = report.renderedVersion(version).orElseThrow(() -> RequestRefusedException.notFound("Report " + id + " has no version " + version));
    var file = file(id, version, format);
    var recorded = "pdf".equals(format) ? rendered.pdfSha256() : rendered.jsonSha256();
    if (!recorded.equals(sha256(file.content()))) {
      throw new RequestRefusedException(RequestRefusedException.Reason.UNAVAILABLE, "The stored file of " + id + " version " + version + " does not match its recorded SHA-256; it was altered");
    }
    return new Download(id + "-v" + version + "." + format, file.content(), recorded);
  }

  /** A file to download, with the SHA-256 recorded for it. */
  public record Download(String fileName, byte[] content, String sha256) {}

  // ---- internals

  private BoardReport find(String id) {
    return reports.findById(id).orElseThrow(() -> RequestRefusedException.notFound("There is no board report " + id));
  }

  private BoardReportFile file(String reportId, int version, String format) {
    return files
        .findById(BoardReportFile.id(reportId, version, format))
        .orElseThrow(() -> RequestRefusedException.notFound("Report " + reportId + " has no " + format.toUpperCase() + " of version " + version));
  }

  private RenderedVersion store(BoardReport report, int number, String kind, SignOff signOff, long renderedFor, String description, Instant now) {
    var content = content(report, number, kind, signOff, now);
    var pdfBytes = pdf.render(content);
    byte[] jsonBytes;
    try {
      jsonBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The report's JSON could not be written", e);
    }
    var pdfSha = sha256(pdfBytes);
    var jsonSha = sha256(jsonBytes);
    // a file of a version not yet recorded may be left from an attempt that failed; it is replaced
    files.save(new BoardReportFile(BoardReportFile.id(report.id(), number, "pdf"), report.id(), number, "pdf", pdfBytes, pdfSha, now));
    files.save(new BoardReportFile(BoardReportFile.id(report.id(), number, "json"), report.id(), number, "json", jsonBytes, jsonSha, now));
    return new RenderedVersion(number, description, renderedFor, pdfSha, jsonSha, pdfBytes.length, now);
  }

  ReportContent content(BoardReport report, int number, String kind, SignOff signOff, Instant now) {
    return new ReportContent(
        report.id(), report.title(), properties.organization(), report.periodFrom(), report.periodTo(), ReportPeriods.label(report.period()), number, kind, now,
        metrics.sectionTitles(), report.headlines(), report.figures(), report.comparison(), report.commentary(), signOff);
  }

  /** Collects and renders a report for a period without storing anything: what the benchmark measures. */
  public byte[] preview(ReportPeriod period) {
    var figures = metrics.collect(period);
    var now = clock.instant();
    var draft = new BoardReport("BR-PREVIEW", "Security posture, " + ReportPeriods.label(period), period.from(), period.to(), ReportStatus.DRAFT, "preview", null, null, null, null, null, null, null, null, null, null, null, null, now, now, null);
    var report = draft.withFigures(0, figures, compare(draft, figures), now);
    return pdf.render(content(report, 1, "DRAFT", null, now));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
