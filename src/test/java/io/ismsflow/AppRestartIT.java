package io.ismsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ismsflow.audit.AuditTrail;
import io.ismsflow.engine.ProcessInstanceService;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.engine.ProcessInstanceView;
import io.ismsflow.engine.UserTaskService;
import io.ismsflow.engine.UserTaskView;
import io.ismsflow.smoke.SmokeCheck;
import io.ismsflow.smoke.SmokeCheckService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the app stops its broker, and starting it again on the same data directory resumes
 * everything: the records in the embedded store, the journal, and the running process instances.
 * Runs its own app twice, apart from the shared test context.
 */
class AppRestartIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final IsmsUser CISO = new IsmsUser("ciso.anna", "Anna Berg", Set.of("ciso"));

  @Test
  void restartKeepsRecordsJournalAndRunningInstances() throws Exception {
    var dataDir =
        Path.of(System.getProperty("isms.test.data-root", "target/test-data"))
            .resolve("restart-" + UUID.randomUUID())
            .toAbsolutePath();
    long instanceKey;
    UserTaskView task;
    int journalEntries;
    long brokerPid;

    try (var app = start(dataDir)) {
      instanceKey = app.getBean(ProcessInstanceService.class).start(CISO, "SmokeCheckProcess", Map.of("requestedBy", "restart"));
      var tasks = app.getBean(UserTaskService.class);
      var key = instanceKey;
      task = await().atMost(PATIENCE).until(() -> tasks.openTasks(CISO, null, null, key), list -> !list.isEmpty()).getFirst();
      // the task's own activation may reach the journal in the exporter's next batch: count once it has
      journalEntries =
          await().atMost(PATIENCE)
              .until(
                  () -> app.getBean(ProcessInstanceService.class).journal(key),
                  entries -> entries.stream().anyMatch(e -> "ConfirmSmokeCheckTask".equals(e.elementId()) && "ELEMENT_ACTIVATED".equals(e.intent())))
              .size();
      brokerPid = Long.parseLong(Files.readString(dataDir.resolve("zeebe/broker.pid")).trim());
      assertThat(ProcessHandle.of(brokerPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    }

    assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false))
        .as("the broker child stops with the app")
        .isFalse();
    assertThat(dataDir.resolve("zeebe/broker.pid")).doesNotExist();

    try (var app = start(dataDir)) {
      var checks = app.getBean(SmokeCheckService.class);
      var tasks = app.getBean(UserTaskService.class);
      var instances = app.getBean(ProcessInstanceService.class);

      assertThat(checks.find(instanceKey)).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(SmokeCheck.Status.RECORDED));
      assertThat(tasks.task(CISO, task.key()).isOpen()).isTrue();
      assertThat(instances.journal(instanceKey)).as("replayed records are not journaled twice").hasSize(journalEntries);

      tasks.complete(CISO, task.key(), Map.of("confirmed", true, "comment", "after restart"));
      assertThat(app.getBean(AuditTrail.class).verify().intact()).as("the audit chain survives the restart").isTrue();
      var key = instanceKey;
      await()
          .atMost(PATIENCE)
          .until(
              () -> instances.instance(key).activeElements().stream().map(ProcessInstanceView.ActiveElement::elementId).toList(),
              active -> active.contains("WaitBeforeClosingTimer"));
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    // a command-line argument outranks the "it" profile's shared data directory
    return new SpringApplicationBuilder(IsmsFlowApplication.class).profiles("it").run("--isms.data-dir=" + dataDir);
  }
}
