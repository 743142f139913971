package io.ismsflow.reporting;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A kind of record a board action can be about (a risk today; an incident or a supplier later):
 * implemented by the module that owns such records, so that an action on a risk shows on the risk
 * and the reporting module does not need to know risks.
 */
public interface BoardActionTarget {

  /** What a board action says about the record it is linked to. */
  record Link(String actionId, String reportId, String reference, String title, String owner, LocalDate dueDate, String status) {}

  /** Whether the reference (e.g. {@code R-001}) names a record of this kind. */
  boolean recognizes(String reference);

  /** Why the action cannot be linked to the referenced record (e.g. there is no such risk); empty when it can. */
  Optional<String> problemWith(String reference);

  /** Links the action to its record, or updates the link with the action's status; must be idempotent. */
  void link(Link action);
}
