package io.ismsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.TaskInbox;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The board figures agree with the register they are drawn from, and only the right people see them. */
@IsmsIntegrationTest
@SuppressWarnings("unchecked")
class BoardMetricsIT {

  @Autowired TestRestTemplate http;

  @Test
  void theRiskFiguresAgreeWithTheRegister() {
    var inbox = new TaskInbox(http);
    inbox.as("ciso.anna").postForEntity("/api/register/sample", null, Map.class);
    var today = LocalDate.now(ZoneOffset.UTC);
    var url = "/api/reports/metrics?from=" + today.withDayOfMonth(1) + "&to=" + today;

    var figures = inbox.as("exec.eva").getForEntity(url, Map.class);

    assertThat(figures.getStatusCode()).isEqualTo(HttpStatus.OK);
    var sections = (Map<String, Object>) figures.getBody().get("sections");
    assertThat(sections).containsKeys("risks", "policies");
    var risks = (Map<String, Object>) sections.get("risks");
    var byLevel = (Map<String, Number>) risks.get("byInherentLevel");
    for (var level : List.of("LOW", "MEDIUM", "HIGH", "CRITICAL")) {
      var inRegister = inbox.list("ciso.anna", "/api/risks?level=" + level + "&levelOf=inherent").size();
      assertThat(byLevel.get(level).intValue()).as(level).isEqualTo(inRegister);
    }
    assertThat(((Number) risks.get("open")).intValue()).isEqualTo(inbox.list("ciso.anna", "/api/risks").size());
    var heatmapTotal = ((List<Map<String, Object>>) risks.get("heatmapInherent")).stream().mapToInt(c -> ((Number) c.get("count")).intValue()).sum();
    assertThat(heatmapTotal).isEqualTo(((Number) risks.get("open")).intValue());
    var top = (List<Map<String, Object>>) risks.get("topRisks");
    assertThat(top).hasSizeLessThanOrEqualTo(5).isNotEmpty();
    assertThat(top).extracting(r -> ((Number) r.get("score")).intValue()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    var split = (Map<String, Number>) risks.get("itOtSplit");
    assertThat(split.get("OT").intValue() + split.get("IT").intValue() + split.get("noAssets").intValue()).isEqualTo(((Number) risks.get("open")).intValue());
  }

  @Test
  void onlyLeadershipTheCisoAuditorsAndTheBoardSecretarySeeTheFigures() {
    var inbox = new TaskInbox(http);
    var url = "/api/reports/metrics?from=2026-10-01&to=2026-12-31";
    assertThat(inbox.as("staff.hugo").getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(inbox.as("risk.ben").getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(inbox.as("secretary.finn").getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(inbox.as("auditor.gina").getForEntity(url, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(inbox.as("ciso.anna").getForEntity("/api/reports/metrics?from=2026-12-31&to=2026-10-01", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
