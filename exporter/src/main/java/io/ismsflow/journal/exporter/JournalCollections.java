package io.ismsflow.journal.exporter;

/** Names of the MongoDB collections the journal writes; the application reads the same names. */
final class JournalCollections {
  /** One document per exported record, {@code _id = "<partition>-<position>"}. */
  static final String RECORDS = "journal_records";

  /** One document per process instance: state, active elements, open incidents. */
  static final String PROCESS_INSTANCES = "journal_process_instances";

  /** One document per user task: state, assignee, candidate groups, form key, due date. */
  static final String USER_TASKS = "journal_user_tasks";

  /**
   * One document per variable and scope ({@code _id = "<scopeKey>:<name>"}), its value as JSON text,
   * so that a task's form can be filled with the values it sees.
   */
  static final String VARIABLES = "journal_variables";

  private JournalCollections() {}
}
