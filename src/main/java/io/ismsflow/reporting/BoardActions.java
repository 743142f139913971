package io.ismsflow.reporting;

import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.identity.IsmsGroup;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.identity.UserDirectory;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The board's decisions as tracked actions: created from the decisions the board secretary
 * records, linked to the record they are about (a risk), closed by their owner or the CISO.
 */
@Service
public class BoardActions {

  private final BoardActionRepository actions;
  private final List<BoardActionTarget> targets;
  private final UserDirectory directory;
  private final AuditTrail audit;
  private final Clock clock;

  BoardActions(BoardActionRepository actions, List<BoardActionTarget> targets, UserDirectory directory, AuditTrail audit, Clock clock) {
    this.actions = actions;
    this.targets = List.copyOf(targets);
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  /** What is wrong with the actions as written: their lines, owners and the records they name. */
  List<FieldProblem> check(String text) {
    var parsed = BoardDecisionLines.parse(text);
    var problems = new ArrayList<>(parsed.problems());
    for (var line : parsed.lines()) {
      if (!directory.mayExist(line.owner())) {
        problems.add(new FieldProblem(BoardDecisionLines.FIELD, "line " + line.number() + ": there is no user '" + line.owner() + "'"));
      }
      if (line.reference() != null) {
        var target = target(line.reference());
        var problem = target.isEmpty() ? Optional.of("no kind of record is called like '" + line.reference() + "'") : target.get().problemWith(line.reference());
        problem.ifPresent(p -> problems.add(new FieldProblem(BoardDecisionLines.FIELD, "line " + line.number() + ": " + p)));
      }
    }
    return problems;
  }

  /**
   * Creates the actions of a report's decisions and links them to their records. Runs again after a
   * failure without doubling anything: an action's id is its report and its place in the list.
   */
  List<String> createFor(String reportId, String text, String recordedBy) {
    var parsed = BoardDecisionLines.parse(text);
    var problems = check(text);
    if (!problems.isEmpty()) {
      throw RequestRefusedException.invalid("The board's actions cannot be created", problems);
    }
    var ids = new ArrayList<String>();
    int index = 0;
    for (var line : parsed.lines()) {
      var id = reportId + "-A" + (++index);
      ids.add(id);
      var action =
          actions
              .findById(id)
              .orElseGet(
                  () -> {
                    var created =
                        actions.save(
                            new BoardAction(id, reportId, line.title(), line.owner(), line.dueDate(), line.reference(), BoardAction.Status.OPEN,
                                recordedBy, clock.instant(), null, null, null, null));
                    audit.append(new AuditEvent(recordedBy == null ? "board-report-worker" : recordedBy, List.of(), "board-action.created", "board-action", id, null, created, null, null));
                    return created;
                  });
      linkToRecord(action);
    }
    return ids;
  }

  /** The actions the viewer may see: all for the report's readers, their own for an action's owner. */
  public List<BoardAction> list(IsmsUser viewer, String status, String reportId) {
    var all = isReader(viewer);
    var today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    return actions.findAll().stream()
        .filter(a -> all || viewer.username().equals(a.owner()))
        .filter(a -> reportId == null || reportId.isBlank() || a.reportId().equals(reportId))
        .filter(
            a ->
                status == null
                    || status.isBlank()
                    || a.status().name().equalsIgnoreCase(status)
                    || ("overdue".equalsIgnoreCase(status) && a.isOverdue(today)))
        .sorted(Comparator.comparing(BoardAction::dueDate, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(BoardAction::id))
        .toList();
  }

  public BoardAction get(IsmsUser viewer, String id) {
    var action = actions.findById(id).orElseThrow(() -> RequestRefusedException.notFound("There is no board action " + id));
    if (!isReader(viewer) && !viewer.username().equals(action.owner())) {
      throw RequestRefusedException.forbidden("Board action " + id + " is for its owner and the report's readers");
    }
    return action;
  }

  /** Marks an action done or cancelled: its owner, the CISO or an admin may. */
  public BoardAction close(IsmsUser actor, String id, String status, String note) {
    var action = actions.findById(id).orElseThrow(() -> RequestRefusedException.notFound("There is no board action " + id));
    if (!actor.username().equals(action.owner()) && !actor.isInAny(IsmsGroup.CISO, IsmsGroup.ADMIN)) {
      throw RequestRefusedException.forbidden("Board action " + id + " is closed by its owner (" + action.owner() + "), the CISO or an admin");
    }
    BoardAction.Status newStatus;
    try {
      newStatus = BoardAction.Status.valueOf(String.valueOf(status).strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw RequestRefusedException.invalid("The status is invalid", List.of(new FieldProblem("status", "DONE or CANCELLED")));
    }
    if (newStatus == BoardAction.Status.OPEN) {
      throw RequestRefusedException.invalid("The status is invalid", List.of(new FieldProblem("status", "DONE or CANCELLED")));
    }
    if (note != null && note.length() > 2000) {
      throw RequestRefusedException.invalid("The note is too long", List.of(new FieldProblem("note", "at most 2000 characters")));
    }
    if (action.status() != BoardAction.Status.OPEN) {
      throw new RequestRefusedException(RequestRefusedException.Reason.CONFLICT, "Board action " + id + " is already " + action.status().name().toLowerCase());
    }
    var closed = actions.save(action.closed(newStatus, actor.username(), note == null || note.isBlank() ? null : note.strip(), clock.instant()));
    audit.append(new AuditEvent(actor.username(), actor.groupList(), "board-action.closed", "board-action", id, action, closed, null, null));
    linkToRecord(closed);
    return closed;
  }

  List<BoardAction> all() {
    return actions.findAll();
  }

  private void linkToRecord(BoardAction action) {
    if (action.reference() != null) {
      target(action.reference()).ifPresent(t -> t.link(action.link()));
    }
  }

  private Optional<BoardActionTarget> target(String reference) {
    return targets.stream().filter(t -> t.recognizes(reference)).findFirst();
  }

  static boolean isReader(IsmsUser viewer) {
    return viewer.isInAny(IsmsGroup.CISO, IsmsGroup.EXECUTIVE, IsmsGroup.BOARD_SECRETARY, IsmsGroup.AUDITOR, IsmsGroup.ADMIN);
  }

  /** Board reports, their figures and actions are for the CISO, executive leadership, the board secretary, auditors and admins. */
  public static void requireReader(IsmsUser viewer) {
    if (!isReader(viewer)) {
      throw RequestRefusedException.forbidden("Board reports and actions are for the CISO, executive leadership, the board secretary, auditors and admins");
    }
  }
}
