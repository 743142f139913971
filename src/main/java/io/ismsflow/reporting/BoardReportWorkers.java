package io.ismsflow.reporting;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.ismsflow.engine.TaskPerformers;
import io.ismsflow.identity.FourEyes;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.reporting.BoardReport.Commentary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Job workers of {@code bpmn/board-report.bpmn}: one per job type, thin and idempotent. What cannot
 * get better by retrying (a report that is gone, a step out of order) becomes an incident at once.
 */
@Component
public class BoardReportWorkers {

  private final BoardReportService reports;
  private final Clock clock;
  private final TaskPerformers performers;
  private final ReportingProperties properties;
  private final FourEyes fourEyes;

  BoardReportWorkers(BoardReportService reports, Clock clock, TaskPerformers performers, ReportingProperties properties, FourEyes fourEyes) {
    this.reports = reports;
    this.clock = clock;
    this.performers = performers;
    this.properties = properties;
    this.fourEyes = fourEyes;
  }

  @JobWorker(type = "isms.board-report.collect-figures")
  public Map<String, Object> collectFigures(ActivatedJob job, @Variable(optional = true) String reportId, @Variable(optional = true) String startedOn) {
    var started = date(startedOn);
    var report = run(() -> reports.collect(job.getProcessInstanceKey(), reportId, started == null ? LocalDate.now(clock) : started));
    return Map.of(
        "reportId", report.id(),
        "reportTitle", report.title(),
        "commentarySla", properties.commentarySla().toString(),
        "signOffSla", properties.signOffSla().toString(),
        "decisionsSla", properties.decisionsSla().toString());
  }

  @JobWorker(type = "isms.board-report.render")
  public Map<String, Object> render(
      ActivatedJob job,
      @Variable String reportId,
      @Variable(optional = true) String postureRating,
      @Variable(optional = true) String keyMessages,
      @Variable(optional = true) String recommendations,
      @Variable(optional = true) String decisionsRequested,
      @Variable(optional = true) String commentaryBy) {
    var commentary =
        keyMessages == null
            ? null
            : new Commentary(
                postureRating, keyMessages.strip(), recommendations == null ? null : recommendations.strip(), lines(decisionsRequested),
                performers.forJob(job).of("commentaryBy", commentaryBy).orElse(null), clock.instant());
    var rendered = run(() -> reports.render(reportId, job.getElementInstanceKey(), commentary));
    return Map.of("reportVersion", rendered.number());
  }

  @JobWorker(type = "isms.board-report.record-sign-off")
  public Map<String, Object> recordSignOff(
      ActivatedJob job,
      @Variable String reportId,
      @Variable String signOffDecision,
      @Variable(optional = true) String signOffComment,
      @Variable(optional = true) String signedOffBy,
      @Variable(optional = true) String commentaryBy) {
    var performed = performers.forJob(job);
    var signer = performed.of("signedOffBy", signedOffBy).orElse(null);
    var signOff =
        run(
            () -> {
              if ("approve".equals(signOffDecision)) {
                var writer = performed.of("commentaryBy", commentaryBy).map(List::of).orElse(List.of());
                fourEyes.requireApprovalByAnother(signer, writer, "Review and sign off report", "Write CISO commentary", job.getProcessInstanceKey());
              }
              return reports.recordSignOff(reportId, signOffDecision, signOffComment, signer);
            });
    return Map.of("signedOff", "approve".equals(signOff.decision()));
  }

  @JobWorker(type = "isms.board-report.finalize")
  public Map<String, Object> finalizeReport(ActivatedJob job, @Variable String reportId) {
    var frozen = run(() -> reports.finalizeReport(reportId, job.getElementInstanceKey()));
    return Map.of("finalVersion", frozen.number(), "finalSha256", frozen.pdfSha256());
  }

  @JobWorker(type = "isms.board-report.distribute")
  public Map<String, Object> distribute(@Variable String reportId) {
    var distribution = run(() -> reports.distribute(reportId));
    return Map.of("distributionNote", distribution.note());
  }

  @JobWorker(type = "isms.board-report.create-actions")
  public Map<String, Object> createActions(
      ActivatedJob job,
      @Variable String reportId,
      @Variable(optional = true) String meetingDate,
      @Variable(optional = true) String boardMinutes,
      @Variable(optional = true) String boardActions,
      @Variable(optional = true) String decisionsRecordedBy) {
    var secretary = performers.forJob(job).of("decisionsRecordedBy", decisionsRecordedBy).orElse(null);
    var ids = run(() -> reports.recordDecisions(reportId, date(meetingDate), boardMinutes, boardActions, secretary));
    var result = new HashMap<String, Object>();
    result.put("boardActionIds", ids);
    return result;
  }

  /** A step still open when its time is up: the model names the step and whom to tell (task headers). */
  @JobWorker(type = "isms.board-report.escalate")
  public void escalate(ActivatedJob job, @Variable String reportId) {
    var headers = job.getCustomHeaders();
    var step = headers.getOrDefault("step", job.getElementId());
    var notify = Arrays.stream(headers.getOrDefault("notify", "ciso").split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
    run(() -> reports.recordEscalation(reportId, step, notify, job.getElementInstanceKey()));
  }

  private static LocalDate date(String value) {
    try {
      return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.replaceFirst("^[-*]\\s*", "")).toList();
  }

  private static <T> T run(Supplier<T> step) {
    try {
      return step.get();
    } catch (RequestRefusedException e) {
      throw CamundaError.jobError(e.getMessage(), Map.of(), 0);
    }
  }
}
