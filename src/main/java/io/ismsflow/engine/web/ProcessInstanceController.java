package io.ismsflow.engine.web;

import io.ismsflow.engine.JournalEntryView;
import io.ismsflow.engine.EngineLinks;
import io.ismsflow.engine.ProcessInstanceService;
import io.ismsflow.engine.ProcessInstanceView;
import io.ismsflow.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Process instances", description = "Start ISMS cycles and see where they stand")
class ProcessInstanceController {

  record StartRequest(Map<String, Object> variables) {}

  record Started(long processInstanceKey) {}

  private final ProcessInstanceService instances;
  private final CurrentUser currentUser;

  private final EngineLinks links;

  ProcessInstanceController(ProcessInstanceService instances, CurrentUser currentUser, EngineLinks links) {
    this.instances = instances;
    this.currentUser = currentUser;
    this.links = links;
  }

  @PostMapping("/api/processes/{bpmnProcessId}/instances")
  @Operation(summary = "Start the latest version of an ISMS process")
  ResponseEntity<Started> start(@PathVariable String bpmnProcessId, @RequestBody(required = false) StartRequest request) {
    var key = instances.start(currentUser.get(), bpmnProcessId, request == null ? Map.of() : request.variables());
    return ResponseEntity.created(URI.create("/api/process-instances/" + key)).body(new Started(key));
  }

  @GetMapping(value = "/api/processes/{bpmnProcessId}/xml", produces = "application/xml")
  @Operation(summary = "The deployed BPMN of an ISMS process (latest version), to draw its instances")
  byte[] modelXml(@PathVariable String bpmnProcessId) {
    return instances.modelXml(bpmnProcessId);
  }

  @GetMapping("/api/engine/links")
  @Operation(summary = "Where Camunda Operate and Tasklist are, when they run locally or are configured")
  EngineLinks.Links links() {
    return links.links();
  }

  @GetMapping("/api/process-instances")
  @Operation(summary = "Process instances, newest first, with their current elements and open incidents")
  List<ProcessInstanceView> list(
      @RequestParam(required = false) String state, @RequestParam(required = false) String bpmnProcessId) {
    return instances.instances(state, bpmnProcessId);
  }

  @GetMapping("/api/process-instances/{key}")
  @Operation(summary = "One process instance")
  ProcessInstanceView instance(@PathVariable long key) {
    return instances.instance(key);
  }

  @GetMapping("/api/process-instances/{key}/journal")
  @Operation(summary = "The journaled engine events of a process instance, in order")
  List<JournalEntryView> journal(@PathVariable long key) {
    return instances.journal(key);
  }
}
