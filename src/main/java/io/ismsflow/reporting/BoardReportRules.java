package io.ismsflow.reporting;

import io.ismsflow.engine.TaskCompletionRule;
import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the board report's user tasks need beyond their forms, checked before they complete. */
@Configuration(proxyBeanMethods = false)
class BoardReportRules {

  static final String SIGN_OFF_TASK = "SignOffReportTask";
  static final String DECISIONS_TASK = "RecordBoardDecisionsTask";
  static final String COMMENTARY_TASK = "WriteCommentaryTask";

  /** Asking for changes needs a comment saying which. */
  @Bean
  TaskCompletionRule signOffNeedsACommentForChanges() {
    return rule(
        SIGN_OFF_TASK,
        values -> {
          if ("changes".equals(values.get("signOffDecision")) && isBlank(values.get("signOffComment"))) {
            return List.of(new FieldProblem("signOffComment", "say what the CISO should change"));
          }
          return List.of();
        });
  }

  /** At most 20 decisions requested, each on its own line. */
  @Bean
  TaskCompletionRule commentaryDecisionsRequested() {
    return rule(
        COMMENTARY_TASK,
        values -> {
          var text = values.get("decisionsRequested");
          if (text instanceof String s && s.lines().filter(l -> !l.isBlank()).count() > 20) {
            return List.of(new FieldProblem("decisionsRequested", "at most 20 decisions, one per line"));
          }
          return List.of();
        });
  }

  /** The meeting took place, and every action line parses, names a user and an existing record. */
  @Bean
  TaskCompletionRule boardDecisionsAreTrackable(BoardActions actions, Clock clock) {
    return rule(
        DECISIONS_TASK,
        values -> {
          var problems = new ArrayList<FieldProblem>();
          var meeting = values.get("meetingDate");
          if (meeting != null) {
            try {
              if (LocalDate.parse(String.valueOf(meeting)).isAfter(LocalDate.now(clock))) {
                problems.add(new FieldProblem("meetingDate", "the meeting cannot be in the future"));
              }
            } catch (DateTimeParseException e) {
              problems.add(new FieldProblem("meetingDate", "a date as YYYY-MM-DD"));
            }
          }
          if (values.get(BoardDecisionLines.FIELD) instanceof String lines) {
            problems.addAll(actions.check(lines));
          }
          return problems;
        });
  }

  /** How a step of the cycle is named where it is escalated. */
  static String stepLabel(String step) {
    return switch (step) {
      case COMMENTARY_TASK -> "CISO commentary";
      case SIGN_OFF_TASK -> "executive sign-off";
      case DECISIONS_TASK -> "record of the board's decisions";
      default -> step;
    };
  }

  private static TaskCompletionRule rule(String elementId, java.util.function.Function<Map<String, Object>, List<FieldProblem>> check) {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String bpmnProcessId, String element) {
        return BoardReportService.PROCESS_ID.equals(bpmnProcessId) && elementId.equals(element);
      }

      @Override
      public List<FieldProblem> check(Map<String, Object> values) {
        return check.apply(values);
      }
    };
  }

  private static boolean isBlank(Object value) {
    return value == null || String.valueOf(value).isBlank();
  }
}
