package io.ismsflow.platform;

import java.util.List;

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

  public ImportResult result() {
    return new ImportResult(creates.size(), updates.size(), unchanged);
  }
}
