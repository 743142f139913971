package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalWebappsTest {

  @Test
  void inTasklistEveryoneCompletesTasksButAuditorsOnlyReadAndAdminsOwnIt() {
    assertThat(LocalWebapps.tasklistRole(List.of("risk-owner", "staff"))).isEqualTo("OPERATOR");
    assertThat(LocalWebapps.tasklistRole(List.of("executive"))).isEqualTo("OPERATOR");
    assertThat(LocalWebapps.tasklistRole(List.of("auditor"))).isEqualTo("READER");
    assertThat(LocalWebapps.tasklistRole(List.of("admin"))).isEqualTo("OWNER");
  }

  @Test
  void inOperateOnlyTheCisoGroupActsAndAdminsOwnIt() {
    assertThat(LocalWebapps.operateRole(List.of("ciso"))).isEqualTo("OPERATOR");
    assertThat(LocalWebapps.operateRole(List.of("executive"))).isEqualTo("USER");
    assertThat(LocalWebapps.operateRole(List.of("auditor"))).isEqualTo("USER");
    assertThat(LocalWebapps.operateRole(List.of("admin", "ciso"))).isEqualTo("OWNER");
  }

  @Test
  void eachWebappJoinsTheBrokerOnItsOwnPortAndReadsTheLocalOpenSearch() {
    var webapps =
        new EngineProperties.Webapps(
            true, Path.of("opensearch/target"), Path.of("data/webapps"), 19200, 19300, 18081, 18082, 19601, 19602, 26603, 26604, Duration.ofSeconds(60),
            List.of(), List.of(), List.of());
    var settings =
        new EngineProperties.Embedded(
            Path.of("dist"), Path.of("exporter.jar"), Path.of("data/zeebe"), "127.0.0.1", 26600, 18088, 19600, 26601, 26602, Duration.ofSeconds(5), List.of(), false, Map.of(), webapps);
    var local = new LocalWebapps(settings, new LocalSearch(settings), List.of());

    var operate = local.environment("OPERATE", "operate", 18081, 19601, 26603, "secret");

    assertThat(operate)
        .containsEntry("SERVER_ADDRESS", "127.0.0.1")
        .containsEntry("SERVER_PORT", "18081")
        .containsEntry("MANAGEMENT_SERVER_PORT", "19601")
        .containsEntry("CAMUNDA_OPERATE_OPENSEARCH_URL", "http://127.0.0.1:19200")
        .containsEntry("CAMUNDA_OPERATE_ZEEBEOPENSEARCH_URL", "http://127.0.0.1:19200")
        .containsEntry("CAMUNDA_OPERATE_ZEEBE_GATEWAYADDRESS", "127.0.0.1:26600")
        .containsEntry("ZEEBE_GATEWAY_CLUSTER_PORT", "26603")
        .containsEntry("ZEEBE_GATEWAY_CLUSTER_MEMBERID", "operate")
        .containsEntry("ZEEBE_GATEWAY_CLUSTER_INITIALCONTACTPOINTS", "127.0.0.1:26602")
        .containsEntry("CAMUNDA_OPERATE_PASSWORD", "secret");
    assertThat(new LocalSearch(settings).brokerExporterEnvironment())
        .containsEntry("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_CLASSNAME", "io.camunda.zeebe.exporter.opensearch.OpensearchExporter")
        .containsEntry("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_ARGS_URL", "http://127.0.0.1:19200");
    assertThat(local.tasklistUrl()).hasToString("http://127.0.0.1:18082/tasklist");
  }
}
