package io.ismsflow.audit;

import java.util.List;

/**
 * Something that happened and must be on the audit trail.
 *
 * @param actor who did it (user name or technical actor such as a job worker); required, at most 200 characters
 * @param roles the actor's roles at the time; null means none
 * @param action what was done, e.g. {@code risk.approved}; required, at most 200 characters
 * @param subjectType the kind of record acted on, e.g. {@code Risk}; at most 200 characters
 * @param subjectId the record acted on; at most 200 characters
 * @param before the record before the action (null, a Map, a record or any Jackson-serialisable object)
 * @param after the record after the action (same as {@code before})
 * @param processInstanceKey the Camunda process instance the action belongs to, if any
 * @param taskKey the Camunda user task the action belongs to, if any
 */
public record AuditEvent(
    String actor,
    List<String> roles,
    String action,
    String subjectType,
    String subjectId,
    Object before,
    Object after,
    Long processInstanceKey,
    Long taskKey) {}
