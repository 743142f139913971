package io.ismsflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who performed the user tasks before a job, for its worker: the assignee who completed the latest
 * task in the job's scope whose header {@code isms.completedByVariable} names the variable (e.g.
 * {@code assessedBy}), from the process journal. The app assigns a task to whoever completes it
 * through its API, and Camunda Tasklist completes only assigned tasks, so the journal names the
 * performer however the task was completed. The variable itself is only the fallback: Tasklist
 * does not set it, so after a round completed there it still names the previous round's performer.
 * Without a journal for the instance (no exporter, as in Camunda Process Test) the variable is used.
 */
@Service
public class TaskPerformers {

  private static final Duration JOURNAL_PATIENCE = Duration.ofSeconds(10);

  private final ProcessJournal journal;

  TaskPerformers(ProcessJournal journal) {
    this.journal = journal;
  }

  /** The performers as the job sees them. */
  public interface Performers {

    /** The person from the journal, else the given value when set. */
    Optional<String> of(String variable, String given);

    /** Everyone who completed the tasks with these element ids in the job's scope; empty without a journal. */
    List<String> completersOf(List<String> elementIds);
  }

  /**
   * The lookup for a job. It waits for the journal to catch up with the job (it exports in log
   * order, so it then has every task completed before the job), once per job.
   */
  public Performers forJob(ActivatedJob job) {
    return new Performers() {
      private Optional<Long> scope; // looked up once, on first use

      @Override
      public Optional<String> of(String variable, String given) {
        var fromJournal = scope().flatMap(s -> journal.lastCompleterSetting(job.getProcessInstanceKey(), s, variable));
        return fromJournal.isPresent() || given == null || given.isBlank() ? fromJournal : Optional.of(given);
      }

      @Override
      public List<String> completersOf(List<String> elementIds) {
        return scope().map(s -> journal.completersInScope(job.getProcessInstanceKey(), s, elementIds)).orElse(List.of());
      }

      private Optional<Long> scope() {
        if (scope == null) {
          scope = journal.knows(job.getProcessInstanceKey()) ? awaitScope(job) : Optional.empty();
        }
        return scope;
      }
    };
  }

  private Optional<Long> awaitScope(ActivatedJob job) {
    var deadline = System.nanoTime() + JOURNAL_PATIENCE.toNanos();
    var scope = journal.scopeOf(job.getProcessInstanceKey(), job.getElementInstanceKey());
    while (scope.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      scope = journal.scopeOf(job.getProcessInstanceKey(), job.getElementInstanceKey());
    }
    return scope;
  }
}
