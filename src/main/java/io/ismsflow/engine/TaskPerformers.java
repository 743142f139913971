package io.ismsflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who performed the user tasks before a job, for its worker. Completed through the app, a task
 * sets its {@code isms.completedByVariable} (e.g. {@code assessedBy}) to the person; completed in
 * Camunda Tasklist, it does not, and the person is taken from the process journal instead: the
 * assignee who completed the latest task naming that variable, in the job's scope.
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

    /** The given value when set, else the person from the journal, if any completed such a task. */
    Optional<String> of(String variable, String given);
  }

  /**
   * The lookup for a job. Only when a variable is missing does it wait for the journal to catch up
   * with the job (it exports in log order, so it then has every task completed before the job).
   */
  public Performers forJob(ActivatedJob job) {
    return new Performers() {
      private Optional<Long> scope; // looked up once, and only if a variable is missing

      @Override
      public Optional<String> of(String variable, String given) {
        if (given != null && !given.isBlank()) {
          return Optional.of(given);
        }
        if (scope == null) {
          scope = awaitScope(job);
        }
        return scope.flatMap(s -> journal.lastCompleterSetting(job.getProcessInstanceKey(), s, variable));
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
