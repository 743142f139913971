package io.ismsflow.platform;

import io.ismsflow.platform.RequestRefusedException.RowProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What an import will write, worked out and validated before anything is written.
 *
 * @param creates records that do not exist yet
 * @param updates existing records the file changes, with how they are now
 * @param unchanged how many existing records the file describes as they are
 */
public record ImportPlan<T>(List<T> creates, List<Change<T>> updates, int unchanged) {

  public ImportPlan {
    creates = List.copyOf(creates);
    updates = List.copyOf(updates);
  }

  public record Change<T>(T before, T after) {}

  /** Reads one row into a record; unreadable cells go to {@code rowProblems}, broken rules to {@code check}. */
  public interface RowReader<T> {
    T read(CsvTable.Row row, T before, List<RowProblem> rowProblems, InputCheck check);
  }

  /** Places a problem of the rules in a cell of the file (a nested field may live in a list column). */
  public interface CellLocator {
    RowProblem cell(int row, String field, String message);
  }

  /**
   * Checks every row of a file and works out what to write; refuses the whole file, with every
   * problem by row and column, if any row is bad or names a record twice.
   *
   * @param existing the records the file names that exist now, by id
   * @param noun what a record is, for messages, e.g. "asset"
   */
  public static <T> ImportPlan<T> fromRows(
      CsvTable table,
      Map<String, T> existing,
      String noun,
      RowReader<T> reader,
      CellLocator cells,
      BiPredicate<T, T> sameContent) {
    var problems = new ArrayList<RowProblem>();
    var firstRowOf = new HashMap<String, Integer>();
    var creates = new ArrayList<T>();
    var updates = new ArrayList<Change<T>>();
    var unchanged = 0;
    for (var row : table.rows()) {
      var id = row.text("id");
      var before = id == null ? null : existing.get(id);
      var rowProblems = new ArrayList<RowProblem>();
      var check = new InputCheck();
      var record = reader.read(row, before, rowProblems, check);
      problems.addAll(rowProblems);
      var flagged = new HashSet<String>();
      rowProblems.forEach(p -> flagged.add(p.column()));
      for (var problem : check.problems()) {
        var cell = cells.cell(row.number(), problem.field(), problem.message());
        if (!flagged.contains(cell.column())) {
          problems.add(cell);
        }
      }
      if (id != null) {
        var first = firstRowOf.putIfAbsent(id, row.number());
        if (first != null) {
          problems.add(new RowProblem(row.number(), "id", id + " is in row " + first + " already; each " + noun + " may appear once"));
          continue;
        }
      }
      if (record == null || !rowProblems.isEmpty()) {
        continue;
      }
      if (before == null) {
        creates.add(record);
      } else if (sameContent.test(record, before)) {
        unchanged++;
      } else {
        updates.add(new Change<>(before, record));
      }
    }
    if (!problems.isEmpty()) {
      throw CsvTable.refused(problems);
    }
    return new ImportPlan<>(creates, updates, unchanged);
  }

  /** Where an import writes its records. */
  public interface Store<T> {
    T insert(T record);

    T save(T record);

    void delete(T record);

    /** The record as it was before the import, ready to be saved over what the import wrote. */
    T restored(Change<T> change);

    String id(T record);
  }

  /** What an import wrote. */
  public record Written<T>(List<T> created, List<Change<T>> updated) {}

  private static final Logger log = LoggerFactory.getLogger(ImportPlan.class);

  /**
   * Writes the plan. Should a write fail halfway (the record store has no transactions), what was
   * written is put back as it was; a record that someone else changed meanwhile makes it a conflict.
   *
   * @param kind what the records are, for messages, e.g. "assets"
   */
  public Written<T> writeTo(Store<T> store, String kind) {
    var created = new ArrayList<T>();
    var updated = new ArrayList<Change<T>>();
    try {
      for (var record : creates) {
        created.add(store.insert(record));
      }
      for (var change : updates) {
        updated.add(new Change<>(change.before(), store.save(change.after())));
      }
    } catch (RuntimeException e) {
      undo(store, kind, created, updated);
      if (e instanceof DuplicateKeyException || e instanceof OptimisticLockingFailureException) {
        throw RequestRefusedException.conflict(
            Character.toUpperCase(kind.charAt(0)) + kind.substring(1)
                + " of the file were changed by someone else during the import; nothing was imported. Try again.");
      }
      throw e;
    }
    return new Written<>(List.copyOf(created), List.copyOf(updated));
  }

  private static <T> void undo(Store<T> store, String kind, List<T> created, List<Change<T>> updated) {
    for (var record : created) {
      tryOrLog(() -> store.delete(record), "Import of {} failed and {} it created could not be removed again", kind, store.id(record));
    }
    for (var change : updated) {
      tryOrLog(() -> store.save(store.restored(change)), "Import of {} failed and {} it changed could not be put back", kind, store.id(change.before()));
    }
  }

  private static void tryOrLog(Runnable write, String message, String kind, String id) {
    try {
      write.run();
    } catch (RuntimeException e) {
      log.error(message, kind, id, e);
    }
  }

  public ImportResult result() {
    return new ImportResult(creates.size(), updates.size(), unchanged);
  }
}
