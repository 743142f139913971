package io.ismsflow.engine.web;

import io.ismsflow.engine.UserTaskService;
import io.ismsflow.engine.UserTaskView;
import io.ismsflow.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "User tasks", description = "Open user tasks of the ISMS cycles: list, claim, complete")
class UserTaskController {

  record ClaimRequest(String assignee) {}

  record CompleteRequest(Map<String, Object> variables) {}

  private final UserTaskService tasks;
  private final CurrentUser currentUser;

  UserTaskController(UserTaskService tasks, CurrentUser currentUser) {
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Open user tasks offered to you (all of them for the CISO, admins and auditors), oldest first")
  List<UserTaskView> openTasks(
      @RequestParam(required = false) String candidateGroup,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) Long processInstanceKey) {
    return tasks.openTasks(currentUser.get(), candidateGroup, assignee, processInstanceKey);
  }

  @GetMapping("/{key}")
  @Operation(summary = "One user task, open or done")
  UserTaskView task(@PathVariable long key) {
    return tasks.task(currentUser.get(), key);
  }

  @GetMapping("/{key}/form")
  @Operation(summary = "The task's linked Camunda Form (JSON schema as deployed from forms/), to render it")
  com.fasterxml.jackson.databind.JsonNode form(@PathVariable long key) {
    return tasks.form(currentUser.get(), key);
  }

  @GetMapping("/{key}/variables")
  @Operation(summary = "The values a task sees, nearest scope first: what its form is filled with")
  Map<String, Object> variables(@PathVariable long key) {
    return tasks.variables(currentUser.get(), key);
  }

  @PostMapping("/{key}/claim")
  @Operation(summary = "Claim an open task offered to you (the CISO and admins may name another assignee)")
  ResponseEntity<Void> claim(@PathVariable long key, @RequestBody(required = false) ClaimRequest request) {
    tasks.claim(currentUser.get(), key, request == null ? null : request.assignee());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{key}/unclaim")
  @Operation(summary = "Give a claimed task back to its candidate groups")
  ResponseEntity<Void> unclaim(@PathVariable long key) {
    tasks.unclaim(currentUser.get(), key);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{key}/complete")
  @Operation(summary = "Complete an open task with the values of its form (validated against the form)")
  ResponseEntity<Void> complete(@PathVariable long key, @RequestBody CompleteRequest request) {
    tasks.complete(currentUser.get(), key, request.variables() == null ? Map.of() : request.variables());
    return ResponseEntity.noContent().build();
  }
}
