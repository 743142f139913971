package io.ismsflow.smoke;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job workers of {@code bpmn/smoke-check.bpmn}: thin, idempotent, one per job type. Bad input
 * cannot get better by retrying, so it becomes an incident at once, with a message in plain words;
 * a missing record is a business outcome that the model handles as a BPMN error.
 */
@Component
public class SmokeCheckWorkers {

  private final SmokeCheckService service;

  SmokeCheckWorkers(SmokeCheckService service) {
    this.service = service;
  }

  @JobWorker(type = "isms.smoke.record-check")
  public Map<String, Object> recordCheck(ActivatedJob job, @Variable(optional = true) String requestedBy) {
    try {
      var check = service.record(job.getProcessInstanceKey(), requestedBy);
      return Map.of("smokeCheckId", check.id());
    } catch (IllegalArgumentException e) {
      throw CamundaError.jobError(e.getMessage(), Map.of(), 0);
    }
  }

  @JobWorker(type = "isms.smoke.close-check")
  public void closeCheck(
      ActivatedJob job, @Variable(optional = true) Boolean confirmed, @Variable(optional = true) String comment) {
    try {
      service.close(job.getProcessInstanceKey(), Boolean.TRUE.equals(confirmed), comment);
    } catch (SmokeCheckMissingException e) {
      throw CamundaError.bpmnError("SMOKE_CHECK_MISSING", e.getMessage());
    }
  }
}
