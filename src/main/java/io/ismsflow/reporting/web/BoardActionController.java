package io.ismsflow.reporting.web;

import io.ismsflow.identity.CurrentUser;
import io.ismsflow.reporting.BoardAction;
import io.ismsflow.reporting.BoardActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/board-actions")
@Tag(name = "Board reporting")
class BoardActionController {

  /** Closing an action: DONE or CANCELLED, with an optional note. */
  record Closing(String status, String note) {}

  private final BoardActions actions;
  private final CurrentUser currentUser;

  BoardActionController(BoardActions actions, CurrentUser currentUser) {
    this.actions = actions;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "The board's actions, by due date; status OPEN, DONE, CANCELLED or overdue; reportId to narrow")
  List<BoardAction> list(@RequestParam(required = false) String status, @RequestParam(required = false) String reportId) {
    return actions.list(currentUser.get(), status, reportId);
  }

  @GetMapping("/{id}")
  BoardAction get(@PathVariable String id) {
    return actions.get(currentUser.get(), id);
  }

  @PostMapping("/{id}/close")
  @Operation(summary = "Close an action as DONE or CANCELLED (its owner, the CISO or an admin)")
  BoardAction close(@PathVariable String id, @RequestBody Closing closing) {
    return actions.close(currentUser.get(), id, closing == null ? null : closing.status(), closing == null ? null : closing.note());
  }
}
