package io.ismsflow.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A security posture report of the CISO to executive leadership and the board (ISO/IEC 27001 9.1,
 * 9.3): the figures of its period, the CISO's commentary, the sign-offs, its rendered versions (each
 * kept, never changed), the final version's SHA-256, whom it went to, and what the board decided.
 *
 * @param id e.g. {@code BR-2026-Q4}
 * @param figures the figures by section, as collected once for the report
 * @param headlines which figures are headline figures, whose paths ({@code section/key}) the comparison uses
 * @param comparison the previous final report compared with: headline changes and trends
 */
@Document("board_reports")
public record BoardReport(
    @Id String id,
    String title,
    LocalDate periodFrom,
    LocalDate periodTo,
    ReportStatus status,
    String trigger,
    String requestedBy,
    Long processInstanceKey,
    Map<String, Map<String, Object>> figures,
    List<BoardMetrics.SectionHeadline> headlines,
    Comparison comparison,
    Commentary commentary,
    List<SignOff> signOffs,
    List<RenderedVersion> versions,
    FinalVersion finalVersion,
    Distribution distribution,
    Decisions decisions,
    List<Escalation> escalations,
    Instant createdAt,
    Instant updatedAt,
    @Version Long version) {

  public BoardReport {
    signOffs = signOffs == null ? List.of() : List.copyOf(signOffs);
    versions = versions == null ? List.of() : List.copyOf(versions);
    headlines = headlines == null ? List.of() : List.copyOf(headlines);
    escalations = escalations == null ? List.of() : List.copyOf(escalations);
  }

  public enum ReportStatus {
    /** Requested, figures not collected yet. */
    REQUESTED,
    /** Figures collected, a draft rendered; the CISO writes the commentary. */
    DRAFT,
    /** With the commentary, waiting for executive sign-off. */
    IN_SIGN_OFF,
    /** Executive leadership asked the CISO for changes. */
    CHANGES_REQUESTED,
    /** Signed off and frozen; its SHA-256 is recorded. */
    FINAL,
    /** Sent to its recipients; the board's decisions are awaited. */
    DISTRIBUTED,
    /** The board's decisions are recorded as tracked actions. */
    DECISIONS_RECORDED
  }

  /** The CISO's view of the period. */
  public record Commentary(
      String postureRating, String keyMessages, String recommendations, List<String> decisionsRequested, String writtenBy, Instant at) {}

  /** An executive's decision on a rendered version: approved, or changes requested with a comment. */
  public record SignOff(int reportVersion, String decision, String comment, String by, Instant at) {}

  /**
   * A rendered version: PDF and JSON, stored in {@code board_report_files} and never changed.
   *
   * @param renderedFor the engine element instance the rendering was for, so a retried job finds its version
   */
  public record RenderedVersion(int number, String kind, long renderedFor, String pdfSha256, String jsonSha256, int pdfBytes, Instant at) {}

  /** The frozen version executive leadership signed off. */
  public record FinalVersion(int number, String pdfSha256, String jsonSha256, String signedOffBy, Instant at) {}

  /** Figures of the previous final report compared with these. */
  public record Comparison(String previousReportId, String previousTitle, List<Change> changes, List<TrendPoint> trend, List<String> newTopRisks) {}

  /** A headline figure now and in the previous report. */
  public record Change(String path, String label, long now, Long before, boolean lowerIsBetter) {}

  /** The headline figures of one report, oldest first in a trend. */
  public record TrendPoint(String reportId, String label, Map<String, Long> values) {}

  /** Whom the final version went to, and how. */
  public record Distribution(List<Recipient> recipients, boolean mailConfigured, String note, Instant at) {}

  /** One recipient: a person or group in the app, or a mail address. */
  public record Recipient(String recipient, String channel, String status, String detail) {}

  /**
   * A step of the cycle that was still open when its time was up (a non-interrupting timer in the
   * model), and who was told.
   *
   * @param step the model's task id, e.g. {@code WriteCommentaryTask}
   * @param eventKey the engine's key of the timer event, so a retried job records it once
   */
  public record Escalation(String step, List<String> notified, long eventKey, Instant at) {}

  /** What the board decided, as recorded by the board secretary. */
  public record Decisions(LocalDate meetingDate, String minutes, List<String> actionIds, String recordedBy, Instant at) {}

  BoardReport withFigures(long instanceKey, BoardMetrics.Figures collected, Comparison compared, Instant now) {
    return new BoardReport(id, title, periodFrom, periodTo, ReportStatus.DRAFT, trigger, requestedBy, instanceKey, collected.sections(), collected.headlines(), compared, commentary, signOffs, versions, finalVersion, distribution, decisions, escalations, createdAt, now, version);
  }

  BoardReport withCommentary(Commentary written, Instant now) {
    return new BoardReport(id, title, periodFrom, periodTo, status, trigger, requestedBy, processInstanceKey, figures, headlines, comparison, written, signOffs, versions, finalVersion, distribution, decisions, escalations, createdAt, now, version);
  }

  BoardReport withVersion(RenderedVersion rendered, ReportStatus newStatus, Instant now) {
    var all = new ArrayList<>(versions);
    all.add(rendered);
    return new BoardReport(id, title, periodFrom, periodTo, newStatus, trigger, requestedBy, processInstanceKey, figures, headlines, comparison, commentary, signOffs, all, finalVersion, distribution, decisions, escalations, createdAt, now, version);
  }

  BoardReport withSignOff(SignOff signOff, ReportStatus newStatus, Instant now) {
    var all = new ArrayList<>(signOffs);
    all.add(signOff);
    return new BoardReport(id, title, periodFrom, periodTo, newStatus, trigger, requestedBy, processInstanceKey, figures, headlines, comparison, commentary, all, versions, finalVersion, distribution, decisions, escalations, createdAt, now, version);
  }

  BoardReport withFinalVersion(RenderedVersion rendered, FinalVersion frozen, Instant now) {
    var all = new ArrayList<>(versions);
    all.add(rendered);
    return new BoardReport(id, title, periodFrom, periodTo, ReportStatus.FINAL, trigger, requestedBy, processInstanceKey, figures, headlines, comparison, commentary, signOffs, all, frozen, distribution, decisions, escalations, createdAt, now, version);
  }

  BoardReport withDistribution(Distribution sent, Instant now) {
    return new BoardReport(id, title, periodFrom, periodTo, ReportStatus.DISTRIBUTED, trigger, requestedBy, processInstanceKey, figures, headlines, comparison, commentary, signOffs, versions, finalVersion, sent, decisions, escalations, createdAt, now, version);
  }

  BoardReport withDecisions(Decisions recorded, Instant now) {
    return new BoardReport(id, title, periodFrom, periodTo, ReportStatus.DECISIONS_RECORDED, trigger, requestedBy, processInstanceKey, figures, headlines, comparison, commentary, signOffs, versions, finalVersion, distribution, recorded, escalations, createdAt, now, version);
  }

  BoardReport withEscalation(Escalation escalation, Instant now) {
    var all = new ArrayList<>(escalations);
    all.add(escalation);
    return new BoardReport(id, title, periodFrom, periodTo, status, trigger, requestedBy, processInstanceKey, figures, headlines, comparison, commentary, signOffs, versions, finalVersion, distribution, decisions, all, createdAt, now, version);
  }

  public ReportPeriod period() {
    return new ReportPeriod(periodFrom, periodTo);
  }

  public java.util.Optional<RenderedVersion> renderedVersion(int number) {
    return versions.stream().filter(v -> v.number() == number).findFirst();
  }

  public boolean isFrozen() {
    return finalVersion != null;
  }
}
