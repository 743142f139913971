package io.ismsflow.journal.exporter;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.BpmnEventType;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import io.camunda.zeebe.protocol.record.value.ImmutableIncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableJobRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableUserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.JobKind;
import io.camunda.zeebe.protocol.record.value.JobListenerEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds broker-like event records of one process instance on one partition, each at the next log
 * position. Values are filled like the broker fills them (empty strings, -1 for absent keys), and
 * {@code toJson()} works (see {@link ZeebeJson}).
 */
final class TestRecords {

  static final int PARTITION_ID = 1;
  static final String BPMN_PROCESS_ID = "isms-risk-review";
  static final long PROCESS_DEFINITION_KEY = 2251799813685249L;
  static final long PROCESS_INSTANCE_KEY = 2251799813685260L;
  static final long START_EVENT_KEY = 2251799813685262L;
  static final long REVIEW_TASK_ELEMENT_KEY = 2251799813685266L;
  static final long USER_TASK_KEY = 2251799813685267L;
  static final long END_EVENT_KEY = 2251799813685270L;
  static final long SERVICE_TASK_ELEMENT_KEY = 2251799813685280L;
  static final long JOB_KEY = 2251799813685281L;
  static final long INCIDENT_KEY = 2251799813685290L;

  static final String START_EVENT = "start";
  static final String REVIEW_TASK = "review-risk";
  static final String SERVICE_TASK = "notify-owner";
  static final String END_EVENT = "end";
  static final String CANDIDATE_GROUP = "isms-risk-owners";
  static final String SECOND_CANDIDATE_GROUP = "isms-officers";
  static final long FORM_KEY = 2251799813685251L;
  static final String DUE_DATE = "2025-03-31T17:00:00+01:00";
  static final String ASSIGNEE = "alice";

  private long nextPosition;
  private long clock = 1_735_689_600_000L;

  TestRecords(long firstPosition) {
    nextPosition = firstPosition;
  }

  /** The position the next record will get. */
  long nextPosition() {
    return nextPosition;
  }

  Record<?> process(ProcessInstanceIntent intent) {
    return element(intent, PROCESS_INSTANCE_KEY, BpmnElementType.PROCESS, BPMN_PROCESS_ID);
  }

  Record<?> element(
      ProcessInstanceIntent intent, long elementInstanceKey, BpmnElementType type, String elementId) {
    var eventType =
        switch (type) {
          case START_EVENT, END_EVENT -> BpmnEventType.NONE;
          default -> BpmnEventType.UNSPECIFIED;
        };
    var value =
        ImmutableProcessInstanceRecordValue.builder()
            .withBpmnElementType(type)
            .withElementId(elementId)
            .withBpmnProcessId(BPMN_PROCESS_ID)
            .withVersion(3)
            .withProcessDefinitionKey(PROCESS_DEFINITION_KEY)
            .withProcessInstanceKey(PROCESS_INSTANCE_KEY)
            .withFlowScopeKey(type == BpmnElementType.PROCESS ? -1 : PROCESS_INSTANCE_KEY)
            .withBpmnEventType(eventType)
            .withParentProcessInstanceKey(-1)
            .withParentElementInstanceKey(-1)
            .withTenantId("<default>")
            .build();
    return record(ValueType.PROCESS_INSTANCE, intent, elementInstanceKey, value);
  }

  Record<?> sequenceFlowTaken(long key, String flowId) {
    return element(ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, key, BpmnElementType.SEQUENCE_FLOW, flowId);
  }

  /** The review task's user task record; the assignee is set from {@code ASSIGNED} on. */
  Record<?> userTask(UserTaskIntent intent, String assignee) {
    return userTask(
        intent, assignee, intent == UserTaskIntent.COMPLETED ? Map.of("riskAccepted", true) : Map.of());
  }

  Record<?> userTask(UserTaskIntent intent, String assignee, Map<String, Object> variables) {
    var value =
        ImmutableUserTaskRecordValue.builder()
            .withUserTaskKey(USER_TASK_KEY)
            .withAssignee(assignee)
            .addCandidateGroupsList(CANDIDATE_GROUP)
            .addCandidateGroupsList(SECOND_CANDIDATE_GROUP)
            .withDueDate(DUE_DATE)
            .withFollowUpDate("")
            .withFormKey(FORM_KEY)
            .withExternalFormReference("")
            .withVariables(variables)
            .withCustomHeaders(Map.of())
            .withBpmnProcessId(BPMN_PROCESS_ID)
            .withProcessDefinitionVersion(3)
            .withProcessDefinitionKey(PROCESS_DEFINITION_KEY)
            .withProcessInstanceKey(PROCESS_INSTANCE_KEY)
            .withElementId(REVIEW_TASK)
            .withElementInstanceKey(REVIEW_TASK_ELEMENT_KEY)
            .withTenantId("<default>")
            .withAction(intent == UserTaskIntent.COMPLETED ? "complete" : "")
            .withCreationTimestamp(clock)
            .withPriority(50)
            .build();
    return record(ValueType.USER_TASK, intent, USER_TASK_KEY, value);
  }

  Record<?> job(JobIntent intent, int retries, String errorMessage) {
    var value =
        ImmutableJobRecordValue.builder()
            .withType("notify-owner")
            .withWorker("isms-worker")
            .withRetries(retries)
            .withRetryBackoff(0)
            .withDeadline(clock + 300_000)
            .withErrorMessage(errorMessage)
            .withErrorCode("")
            .withVariables(Map.of("ownerEmail", "owner@example.org", "apiToken", "secret-token"))
            .withCustomHeaders(Map.of("channel", "mail"))
            .withBpmnProcessId(BPMN_PROCESS_ID)
            .withProcessDefinitionVersion(3)
            .withProcessDefinitionKey(PROCESS_DEFINITION_KEY)
            .withProcessInstanceKey(PROCESS_INSTANCE_KEY)
            .withElementId(SERVICE_TASK)
            .withElementInstanceKey(SERVICE_TASK_ELEMENT_KEY)
            .withTenantId("<default>")
            .withJobKind(JobKind.BPMN_ELEMENT)
            .withJobListenerEventType(JobListenerEventType.UNSPECIFIED)
            .build();
    return record(ValueType.JOB, intent, JOB_KEY, value);
  }

  Record<?> incident(IncidentIntent intent, long incidentKey, String errorMessage) {
    var value =
        ImmutableIncidentRecordValue.builder()
            .withErrorType(ErrorType.JOB_NO_RETRIES)
            .withErrorMessage(errorMessage)
            .withBpmnProcessId(BPMN_PROCESS_ID)
            .withProcessDefinitionKey(PROCESS_DEFINITION_KEY)
            .withProcessInstanceKey(PROCESS_INSTANCE_KEY)
            .withElementId(SERVICE_TASK)
            .withElementInstanceKey(SERVICE_TASK_ELEMENT_KEY)
            .withJobKey(JOB_KEY)
            .withVariableScopeKey(SERVICE_TASK_ELEMENT_KEY)
            .withTenantId("<default>")
            .build();
    return record(ValueType.INCIDENT, intent, incidentKey, value);
  }

  Record<?> variable(io.camunda.zeebe.protocol.record.intent.VariableIntent intent, long scopeKey, String name, String json) {
    var value =
        io.camunda.zeebe.protocol.record.value.ImmutableVariableRecordValue.builder()
            .withName(name)
            .withValue(json)
            .withScopeKey(scopeKey)
            .withProcessInstanceKey(PROCESS_INSTANCE_KEY)
            .withProcessDefinitionKey(PROCESS_DEFINITION_KEY)
            .withBpmnProcessId(BPMN_PROCESS_ID)
            .withTenantId("<default>")
            .build();
    return record(ValueType.VARIABLE, intent, scopeKey + name.hashCode(), value);
  }

  /**
   * The full event log of an instance of start -> review-risk (user task) -> end, as the broker
   * writes it: every intermediate state (ACTIVATING, COMPLETING, CREATING, ...), not only the ones
   * the journal keeps.
   */
  List<Record<?>> userTaskLifecycle() {
    var log = new ArrayList<Record<?>>();
    log.add(process(ProcessInstanceIntent.ELEMENT_ACTIVATING));
    log.add(process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    log.addAll(passThrough(START_EVENT_KEY, BpmnElementType.START_EVENT, START_EVENT));
    log.add(sequenceFlowTaken(START_EVENT_KEY + 1, "to-review"));
    log.addAll(userTaskOpened());
    log.addAll(userTaskClosed());
    log.add(sequenceFlowTaken(END_EVENT_KEY - 1, "to-end"));
    log.addAll(passThrough(END_EVENT_KEY, BpmnElementType.END_EVENT, END_EVENT));
    log.add(process(ProcessInstanceIntent.ELEMENT_COMPLETING));
    log.add(process(ProcessInstanceIntent.ELEMENT_COMPLETED));
    return log;
  }

  /** The review task element activated and its user task created (unassigned). */
  List<Record<?>> userTaskOpened() {
    return List.of(
        element(ProcessInstanceIntent.ELEMENT_ACTIVATING, REVIEW_TASK_ELEMENT_KEY, BpmnElementType.USER_TASK, REVIEW_TASK),
        element(ProcessInstanceIntent.ELEMENT_ACTIVATED, REVIEW_TASK_ELEMENT_KEY, BpmnElementType.USER_TASK, REVIEW_TASK),
        userTask(UserTaskIntent.CREATING, ""),
        userTask(UserTaskIntent.CREATED, ""));
  }

  /** The user task assigned and completed, and its element completed. */
  List<Record<?>> userTaskClosed() {
    return List.of(
        userTask(UserTaskIntent.ASSIGNING, ASSIGNEE),
        userTask(UserTaskIntent.ASSIGNED, ASSIGNEE),
        userTask(UserTaskIntent.COMPLETING, ASSIGNEE),
        userTask(UserTaskIntent.COMPLETED, ASSIGNEE),
        element(ProcessInstanceIntent.ELEMENT_COMPLETING, REVIEW_TASK_ELEMENT_KEY, BpmnElementType.USER_TASK, REVIEW_TASK),
        element(ProcessInstanceIntent.ELEMENT_COMPLETED, REVIEW_TASK_ELEMENT_KEY, BpmnElementType.USER_TASK, REVIEW_TASK));
  }

  private List<Record<?>> passThrough(long key, BpmnElementType type, String elementId) {
    return List.of(
        element(ProcessInstanceIntent.ELEMENT_ACTIVATING, key, type, elementId),
        element(ProcessInstanceIntent.ELEMENT_ACTIVATED, key, type, elementId),
        element(ProcessInstanceIntent.ELEMENT_COMPLETING, key, type, elementId),
        element(ProcessInstanceIntent.ELEMENT_COMPLETED, key, type, elementId));
  }

  private <T extends RecordValue> Record<T> record(ValueType valueType, Intent intent, long key, T value) {
    var position = nextPosition++;
    clock += 7;
    return ZeebeJson.serializable(
        ImmutableRecord.<T>builder()
            .withPosition(position)
            .withSourceRecordPosition(position - 1)
            .withKey(key)
            .withTimestamp(clock)
            .withPartitionId(PARTITION_ID)
            .withRecordType(RecordType.EVENT)
            .withRejectionType(RejectionType.NULL_VAL)
            .withRejectionReason("")
            .withBrokerVersion("8.6.0")
            .withRecordVersion(1)
            .withValueType(valueType)
            .withIntent(intent)
            .withValue(value)
            .build());
  }
}
