package io.ismsflow.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.asset.AssetRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The risk register's API against the running app: the sample register of Riverside Plant loaded
 * through its endpoint, filters and heatmap checked against what the sample files say, CRUD with
 * validation, who may write, CSV import (all or nothing) and the export round trip.
 *
 * <p>The record store is shared with the other integration tests of the run, so expectations about
 * the whole register add what others left there, and this class removes its own records at the end.
 */
@IsmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskRegisterIT {

  static final String SAMPLE = "/samples/riverside-plant/";
  static final List<String> OWN_RISKS = List.of("RT-10", "RT-11", "RT-12", "RT-13", "RT-20", "RT-21", "RT-30", "RT-40");
  static final List<String> OWN_ASSETS = List.of("AT-1", "AT-2", "AT-3", "AT-4", "AT-5", "AT-6");
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate anonymous;
  @Autowired RiskRepository risks;
  @Autowired AssetRepository assets;
  @Autowired RiskAssessmentRepository assessments;
  @Autowired RiskMatrix matrix;

  List<Map<String, String>> sampleAssets;
  List<Map<String, String>> sampleRisks;
  Map<String, Object> firstLoad;
  Map<String, Object> secondLoad;

  @BeforeAll
  void loadTheSampleRegisterTwice() throws IOException {
    sampleAssets = SimpleCsv.records(resource("assets.csv"));
    sampleRisks = SimpleCsv.records(resource("risks.csv"));
    removeOwnRecords();

    firstLoad = as("ciso.anna").postForEntity("/api/register/sample", null, Map.class).getBody();
    secondLoad = as("admin.ida").postForEntity("/api/register/sample", null, Map.class).getBody();

    // two risks of this test for the rules of who may write, and an asset of its own
    assertThat(as("ciso.anna").postForEntity("/api/assets", asset("AT-1", "OT", "Z3-Control"), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(as("ciso.anna").postForEntity("/api/risks", risk("RT-10", "risk.ben", 4, 4, List.of("AT-1")), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(as("ciso.anna").postForEntity("/api/risks", risk("RT-11", "risk.lena", 2, 2, List.of("AT-1")), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @AfterAll
  void removeOwnRecords() {
    risks.deleteAllById(Stream.concat(OWN_RISKS.stream(), sampleRisks.stream().map(r -> r.get("id"))).toList());
    assets.deleteAllById(Stream.concat(OWN_ASSETS.stream(), sampleAssets.stream().map(a -> a.get("id"))).toList());
  }

  // ---------------------------------------------------------------- sample

  @Test
  @SuppressWarnings("unchecked")
  void theSampleRegisterLoadsThroughItsEndpointAndLoadingItAgainCreatesNothing() {
    assertThat((Map<String, Object>) firstLoad.get("assets")).containsEntry("created", sampleAssets.size()).containsEntry("updated", 0);
    assertThat((Map<String, Object>) firstLoad.get("risks")).containsEntry("created", sampleRisks.size()).containsEntry("updated", 0);
    assertThat((Map<String, Object>) secondLoad.get("assets"))
        .containsEntry("created", 0)
        .containsEntry("updated", 0)
        .containsEntry("unchanged", sampleAssets.size());
    assertThat((Map<String, Object>) secondLoad.get("risks"))
        .containsEntry("created", 0)
        .containsEntry("updated", 0)
        .containsEntry("unchanged", sampleRisks.size());
    var r001 = as("auditor.gina").getForObject("/api/risks/R-001", Map.class);
    var first = sampleRisks.getFirst();
    assertThat(r001.get("inherentScore"))
        .isEqualTo(Integer.parseInt(first.get("likelihood")) * Integer.parseInt(first.get("impact")));
  }

  @Test
  void onlyTheCisoAndAdminsLoadTheSample() {
    assertThat(as("risk.ben").postForEntity("/api/register/sample", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("auditor.gina").postForEntity("/api/register/sample", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  // ---------------------------------------------------------------- filters

  Stream<Arguments> filters() {
    var today = LocalDate.now(ZoneOffset.UTC);
    var zones = sampleAssets.stream().collect(Collectors.toMap(a -> a.get("id"), a -> a.get("zone")));
    Predicate<Map<String, String>> open = r -> !"CLOSED".equals(r.get("status"));
    return Stream.of(
        Arguments.of("level=HIGH,CRITICAL", open.and(r -> levelOf(r, "likelihood", "impact").matches("HIGH|CRITICAL"))),
        Arguments.of("level=LOW&levelOf=residual", open.and(r -> levelOf(r, "residualLikelihood", "residualImpact").equals("LOW"))),
        Arguments.of("owner=risk.lena", open.and(r -> r.get("owner").equals("risk.lena"))),
        Arguments.of("assetId=A-008", open.and(r -> assetIds(r).contains("A-008"))),
        Arguments.of("zone=Z3-Control", open.and(r -> assetIds(r).stream().anyMatch(a -> "Z3-Control".equals(zones.get(a))))),
        Arguments.of("overdue=true", open.and(r -> isOverdue(r, today))),
        Arguments.of("overdue=false&owner=risk.ben", open.and(r -> !isOverdue(r, today) && r.get("owner").equals("risk.ben"))),
        Arguments.of("status=CLOSED", (Predicate<Map<String, String>>) r -> "CLOSED".equals(r.get("status"))),
        Arguments.of(
            "status=ACCEPTED,OPEN&level=MEDIUM",
            (Predicate<Map<String, String>>) r -> r.get("status").matches("ACCEPTED|OPEN") && levelOf(r, "likelihood", "impact").equals("MEDIUM")));
  }

  @ParameterizedTest(name = "GET /api/risks?{0}")
  @MethodSource("filters")
  void aFilterSelectsTheSampleRisksTheFilesSayItShould(String query, Predicate<Map<String, String>> expected) {
    var wanted = sampleRisks.stream().filter(expected).map(r -> r.get("id")).sorted().toList();
    var sampleIds = sampleRisks.stream().map(r -> r.get("id")).collect(Collectors.toSet());

    var listed = ids(as("staff.hugo").exchange("/api/risks?" + query, HttpMethod.GET, null, LIST).getBody());

    if (!query.contains("overdue")) { // which risks are overdue depends on the day the test runs
      assertThat(wanted).as("the sample should have risks for this filter").isNotEmpty();
    }
    assertThat(listed.stream().filter(sampleIds::contains).toList()).isEqualTo(wanted);
  }

  @Test
  void unknownFilterValuesAreABadRequestListingTheAllowedValues() {
    var response = as("ciso.anna").getForEntity("/api/risks?level=HUGE&levelOf=worst&overdue=maybe", Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("problems").toString()).contains("level", "LOW, MEDIUM, HIGH, CRITICAL", "levelOf", "overdue");
  }

  // ---------------------------------------------------------------- heatmap

  @ParameterizedTest(name = "kind={0}")
  @MethodSource("heatmapKinds")
  @SuppressWarnings("unchecked")
  void theHeatmapCountsWhatTheSampleImpliesPlusWhatElseIsInTheRegister(String kind, String likelihood, String impact) {
    var expected = new HashMap<String, Integer>();
    var notRated = 0;
    var sampleIds = sampleRisks.stream().map(r -> r.get("id")).collect(Collectors.toSet());
    for (var r : sampleRisks) {
      if ("CLOSED".equals(r.get("status"))) {
        continue;
      }
      if (r.get(likelihood).isEmpty()) {
        notRated++;
      } else {
        expected.merge(r.get(likelihood) + "x" + r.get(impact), 1, Integer::sum);
      }
    }
    // risks that other tests left in the register, read the same moment
    for (var other : as("ciso.anna").exchange("/api/risks", HttpMethod.GET, null, LIST).getBody()) {
      if (!sampleIds.contains(other.get("id"))) {
        if (other.get(likelihood) == null) {
          notRated++;
        } else {
          expected.merge(other.get(likelihood) + "x" + other.get(impact), 1, Integer::sum);
        }
      }
    }

    var heatmap = as("exec.eva").getForObject("/api/risks/heatmap?kind=" + kind, Map.class);

    assertThat(heatmap).containsEntry("kind", kind).containsEntry("size", matrix.size()).containsEntry("appetite", matrix.appetite());
    var cells = (List<Map<String, Object>>) heatmap.get("cells");
    assertThat(cells).hasSize(matrix.size() * matrix.size());
    var counted = new HashMap<String, Integer>();
    for (var cell : cells) {
      var count = (Integer) cell.get("count");
      if (count > 0) {
        counted.put(cell.get("likelihood") + "x" + cell.get("impact"), count);
      }
      var score = (Integer) cell.get("likelihood") * (Integer) cell.get("impact");
      assertThat(cell.get("aboveAppetite")).isEqualTo(score > matrix.appetite());
    }
    assertThat(counted).isEqualTo(expected);
    assertThat(heatmap.get("notRated")).isEqualTo(notRated);
    assertThat(expected).as("the sample places risks above and within the appetite")
        .containsKey(kind.equals("inherent") ? "4x5" : "2x4");
  }

  static Stream<Arguments> heatmapKinds() {
    return Stream.of(
        Arguments.of("inherent", "likelihood", "impact"), Arguments.of("residual", "residualLikelihood", "residualImpact"));
  }

  // ---------------------------------------------------------------- CRUD

  @Test
  void anAssetIsCreatedReadChangedAndDeleted() {
    var created = as("admin.ida").postForEntity("/api/assets", asset("AT-2", "IT", null), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/assets/AT-2");

    var changed = new LinkedHashMap<>(asset("AT-2", "IT", null));
    changed.put("name", "Quality lab PC");
    var updated = as("admin.ida").exchange("/api/assets/AT-2", HttpMethod.PUT, new HttpEntity<>(changed), Map.class);
    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(as("staff.hugo").getForObject("/api/assets/AT-2", Map.class)).containsEntry("name", "Quality lab PC");

    assertThat(as("admin.ida").exchange("/api/assets/AT-2", HttpMethod.DELETE, null, Void.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as("staff.hugo").getForEntity("/api/assets/AT-2", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aBadAssetIsRefusedWithAProblemPerFieldAndNotStored() {
    var bad = new LinkedHashMap<>(asset("AT-3", "OT", null));
    bad.put("type", "ROBOT");
    bad.put("securityLevelTarget", 5);

    var response = as("ciso.anna").postForEntity("/api/assets", bad, Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response)).containsExactlyInAnyOrder("type", "zone", "securityLevelTarget");
    assertThat(response.getBody().get("problems").toString()).contains("MES, ERP, SCADA_HMI, PLC");
    assertThat(as("ciso.anna").getForEntity("/api/assets/AT-3", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anAssetThatARiskNamesIsNotDeleted() {
    var response = as("ciso.anna").exchange("/api/assets/A-008", HttpMethod.DELETE, null, Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getBody().get("detail").toString()).contains("risk R-002");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRiskIsCreatedWithComputedScoresAndDeletingItClosesIt() {
    var input = new LinkedHashMap<>(risk("RT-20", "risk.lena", 5, 4, List.of("A-008", "A-009")));
    input.put("inherentScore", 1); // not an input: ignored
    input.put("residualLikelihood", 2);
    input.put("residualImpact", 2);

    var created = as("ciso.omar").postForEntity("/api/risks", input, Map.class);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/risks/RT-20");
    assertThat(created.getBody())
        .containsEntry("inherentScore", 20)
        .containsEntry("inherentLevel", matrix.level(20).name())
        .containsEntry("residualScore", 4)
        .containsEntry("status", "OPEN");
    assertThat(as("ciso.omar").postForEntity("/api/risks", input, Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    assertThat(as("ciso.omar").exchange("/api/risks/RT-20", HttpMethod.DELETE, null, Void.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as("ciso.omar").getForObject("/api/risks/RT-20", Map.class)).containsEntry("status", "CLOSED");
    assertThat(ids(as("ciso.omar").exchange("/api/risks", HttpMethod.GET, null, LIST).getBody())).doesNotContain("RT-20");
    assertThat(ids(as("ciso.omar").exchange("/api/risks?status=CLOSED", HttpMethod.GET, null, LIST).getBody())).contains("RT-20");
  }

  @Test
  void aBadRiskIsRefusedWithAProblemPerFieldAndNotStored() {
    var bad = new LinkedHashMap<>(risk("RT-21", " ", 6, 0, List.of("A-008", "A-999")));
    bad.put("treatmentOption", "PRAY");
    bad.put("residualLikelihood", 2);

    var response = as("ciso.anna").postForEntity("/api/risks", bad, Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response))
        .containsExactlyInAnyOrder("owner", "likelihood", "impact", "assetIds", "treatmentOption", "residualImpact");
    assertThat(response.getBody().get("problems").toString()).contains("A-999", "MITIGATE, ACCEPT, TRANSFER, AVOID");
    assertThat(as("ciso.anna").getForEntity("/api/risks/RT-21", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aValueOfTheWrongJsonTypeIsRefusedNamingTheField() {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var body = "{\"id\":\"RT-21\",\"title\":\"t\",\"threat\":\"t\",\"vulnerability\":\"v\",\"owner\":\"risk.ben\",\"likelihood\":\"high\",\"impact\":3}";

    var response = as("ciso.anna").postForEntity("/api/risks", new HttpEntity<>(body, headers), Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("problems").toString()).contains("likelihood", "whole number");
  }

  @Test
  void theAssessmentHistoryIsListedOldestFirstAndAnUnknownRiskIsNotFound() {
    var later = assessment("RT-11", 2, Instant.parse("2026-06-01T10:00:00Z"));
    var earlier = assessment("RT-11", 1, Instant.parse("2026-03-01T10:00:00Z"));
    assessments.saveAll(List.of(later, earlier));

    var history = as("auditor.gina").exchange("/api/risks/RT-11/assessments", HttpMethod.GET, null, LIST).getBody();

    assertThat(history).extracting(a -> a.get("id")).containsExactly(earlier.id(), later.id());
    assertThat(as("auditor.gina").getForEntity("/api/risks/RT-99999/assessments", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assessments.deleteAll(List.of(later, earlier));
  }

  // ---------------------------------------------------------------- who may write

  Stream<Arguments> writes() {
    return Stream.of(
        // user, method, path, body, expected status
        Arguments.of("risk.ben", "PUT", "/api/risks/RT-10", risk("RT-10", "risk.ben", 3, 4, List.of("AT-1")), 200),
        Arguments.of("risk.ben", "PUT", "/api/risks/RT-11", risk("RT-11", "risk.lena", 1, 1, List.of("AT-1")), 403),
        Arguments.of("risk.ben", "PUT", "/api/risks/RT-10", risk("RT-10", "risk.lena", 3, 4, List.of("AT-1")), 403),
        Arguments.of("risk.ben", "DELETE", "/api/risks/RT-10", null, 403),
        Arguments.of("risk.ben", "POST", "/api/risks", risk("RT-12", "risk.ben", 1, 1, List.of()), 403),
        Arguments.of("staff.hugo", "POST", "/api/risks", risk("RT-12", "staff.hugo", 1, 1, List.of()), 403),
        Arguments.of("staff.hugo", "POST", "/api/assets", asset("AT-4", "IT", null), 403),
        Arguments.of("auditor.gina", "PUT", "/api/risks/RT-10", risk("RT-10", "risk.ben", 1, 1, List.of("AT-1")), 403),
        Arguments.of("auditor.gina", "POST", "/api/risks", risk("RT-13", "risk.ben", 1, 1, List.of()), 403),
        Arguments.of("auditor.gina", "DELETE", "/api/risks/RT-11", null, 403),
        Arguments.of("auditor.gina", "PUT", "/api/assets/AT-1", asset("AT-1", "OT", "Z3-Control"), 403),
        Arguments.of("auditor.gina", "DELETE", "/api/assets/AT-1", null, 403),
        Arguments.of("exec.eva", "PUT", "/api/risks/RT-11", risk("RT-11", "risk.lena", 1, 1, List.of("AT-1")), 403),
        Arguments.of("auditor.gina", "GET", "/api/risks/RT-10", null, 200),
        Arguments.of("auditor.gina", "GET", "/api/risks/export?format=csv", null, 200),
        Arguments.of("staff.hugo", "GET", "/api/assets/export?format=json", null, 200),
        Arguments.of("staff.hugo", "GET", "/api/risks/heatmap", null, 200));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {4}")
  @MethodSource("writes")
  void eachRoleMayWriteOnlyWhatItsRulesAllow(String user, String method, String path, Object body, int expected) {
    var response = as(user).exchange(path, HttpMethod.valueOf(method), body == null ? null : new HttpEntity<>(body), String.class);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expected);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRiskOwnersChangeIsOnTheAuditTrailWithBeforeAndAfter() {
    var response =
        as("risk.ben").exchange("/api/risks/RT-10", HttpMethod.PUT, new HttpEntity<>(risk("RT-10", "risk.ben", 2, 5, List.of("AT-1"))), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);

    var entries = as("auditor.gina").exchange("/api/audit/entries?format=json", HttpMethod.GET, null, LIST).getBody();

    var last =
        entries.stream()
            .filter(e -> "risk.updated".equals(e.get("action")) && "RT-10".equals(e.get("subjectId")) && "risk.ben".equals(e.get("actor")))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(last.get("before").toString()).contains("\"id\":\"RT-10\"");
    assertThat(last.get("after").toString()).contains("\"likelihood\":2", "\"impact\":5");
    assertThat((List<String>) last.get("roles")).contains("risk-owner");
  }

  // ---------------------------------------------------------------- import and export

  @Test
  void aFileWithABadRowIsRefusedWithRowAndColumnAndNothingIsStored() {
    var csv =
        "id,title,assetIds,threat,vulnerability,owner,likelihood,impact,status\r\n"
            + "RT-30,Good row,A-008,Malware,Unpatched,risk.ben,2,2,OPEN\r\n"
            + "RT-31,Bad row,A-404,Malware,Unpatched,risk.ben,2,9,SOLVED\r\n";

    var response = as("ciso.anna").postForEntity("/api/risks/import", csv(csv.getBytes(StandardCharsets.UTF_8)), Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("detail").toString()).contains("nothing was imported");
    assertThat((List<Map<String, Object>>) response.getBody().get("problems"))
        .extracting(p -> p.get("row") + ":" + p.get("column"))
        .containsExactlyInAnyOrder("3:assetIds", "3:impact", "3:status");
    assertThat(as("ciso.anna").getForEntity("/api/risks/RT-30", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aSpreadsheetFileWithByteOrderMarkAndCrlfImportsAndImportingItAgainChangesNothing() {
    var text =
        "\uFEFFid,name,type,domain,zone,securityLevelTarget,confidentiality,integrity,availability,safetyImpact,productionImpact,owner\r\n"
            + " AT-5 , Packaging robot ,plc,OT,Z3-Control,2,1,3,4,4,4,risk.lena\r\n"
            + "AT-6,Label printer,OTHER,IT,,,1,2,3,1,2,risk.lena\r\n"
            + ",,,,,,,,,,,\r\n";

    var first = as("admin.ida").postForEntity("/api/assets/import", csv(text.getBytes(StandardCharsets.UTF_8)), Map.class);
    var second = as("admin.ida").postForEntity("/api/assets/import", csv(text.getBytes(StandardCharsets.UTF_8)), Map.class);

    assertThat(first.getBody()).containsEntry("created", 2).containsEntry("updated", 0);
    assertThat(second.getBody()).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2);
    assertThat(as("ciso.anna").getForObject("/api/assets/AT-5", Map.class)).containsEntry("name", "Packaging robot").containsEntry("type", "PLC");
  }

  @Test
  void aFileOfMoreThan5000RowsIsRefusedEvenWhenLargerThanOrdinaryRequests() {
    var text = new StringBuilder("id,title,threat,vulnerability,owner,likelihood,impact\r\n");
    for (int i = 1; i <= RiskRegisterService.MAX_IMPORT_ROWS + 1; i++) {
      text.append("X-").append(i).append(",Risk number ").append(i).append(" of a very long register,Malware,Unpatched,risk.ben,2,2\r\n");
    }
    assertThat(text.length()).as("larger than the 256 KiB of ordinary requests").isGreaterThan(262_144);

    var response = as("ciso.anna").postForEntity("/api/risks/import", csv(text.toString().getBytes(StandardCharsets.UTF_8)), Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("problems").toString()).contains("more than 5000 rows");
    assertThat(as("ciso.anna").getForEntity("/api/risks/X-1", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theExportedCsvImportsBackCreatingAndChangingNothing() {
    var tricky = new LinkedHashMap<>(risk("RT-40", "risk.lena", 3, 3, List.of("AT-1", "A-008")));
    tricky.put("title", "=HYPERLINK(\"http://evil.example\",\"click\")");
    tricky.put("description", "-- notes, \"quoted\";\nsecond line");
    tricky.put(
        "treatmentActions",
        List.of(Map.of("id", "TA-1", "title", "Patch; then test | verify", "dueDate", "2027-01-31", "controls", List.of("A.8.8", "A.8.32"))));
    assertThat(as("ciso.anna").postForEntity("/api/risks", tricky, Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    var ownRisks = Stream.concat(OWN_RISKS.stream(), sampleRisks.stream().map(r -> r.get("id"))).collect(Collectors.toSet());
    var ownAssets = Stream.concat(OWN_ASSETS.stream(), sampleAssets.stream().map(a -> a.get("id"))).collect(Collectors.toSet());

    var riskExport = as("auditor.gina").getForEntity("/api/risks/export?format=csv", byte[].class);
    var assetExport = as("auditor.gina").getForEntity("/api/assets/export?format=csv", byte[].class);

    assertThat(riskExport.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
    assertThat(riskExport.getHeaders().getContentDisposition().isAttachment()).isTrue();
    var riskCsv = SimpleCsv.keepRows(new String(riskExport.getBody(), StandardCharsets.UTF_8), ownRisks);
    assertThat(riskCsv).contains("'=HYPERLINK", "'-- notes");
    var assets = as("ciso.anna").postForEntity("/api/assets/import", csv(SimpleCsv.keepRows(new String(assetExport.getBody(), StandardCharsets.UTF_8), ownAssets).getBytes(StandardCharsets.UTF_8)), Map.class);
    var risks = as("ciso.anna").postForEntity("/api/risks/import", csv(riskCsv.getBytes(StandardCharsets.UTF_8)), Map.class);

    assertThat(assets.getStatusCode()).as(String.valueOf(assets.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(risks.getStatusCode()).as(String.valueOf(risks.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(assets.getBody()).containsEntry("created", 0).containsEntry("updated", 0);
    assertThat(risks.getBody()).containsEntry("created", 0).containsEntry("updated", 0);
    assertThat((Integer) risks.getBody().get("unchanged")).isGreaterThanOrEqualTo(sampleRisks.size() + 1);
    assertThat(as("ciso.anna").getForObject("/api/risks/RT-40", Map.class).get("title")).isEqualTo(tricky.get("title"));
  }

  @Test
  void theRegisterExportsAsJsonAndAnUnknownFormatIsABadRequest() {
    var json = as("auditor.gina").exchange("/api/risks/export?format=json", HttpMethod.GET, null, LIST).getBody();

    assertThat(ids(json)).contains("R-001", "R-027");
    assertThat(as("auditor.gina").getForEntity("/api/risks/export?format=xlsx", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  // ---------------------------------------------------------------- helpers

  TestRestTemplate as(String user) {
    return anonymous.withBasicAuth(user, "demo");
  }

  static HttpEntity<byte[]> csv(byte[] body) {
    var headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    return new HttpEntity<>(body, headers);
  }

  static Map<String, Object> asset(String id, String domain, String zone) {
    var asset = new LinkedHashMap<String, Object>();
    asset.put("id", id);
    asset.put("name", "Test asset " + id);
    asset.put("type", domain.equals("OT") ? "PLC" : "WORKSTATION");
    asset.put("domain", domain);
    asset.put("zone", zone);
    asset.put("securityLevelTarget", zone == null ? null : 2);
    for (var rating : List.of("confidentiality", "integrity", "availability", "safetyImpact", "productionImpact")) {
      asset.put(rating, 3);
    }
    asset.put("owner", "risk.lena");
    return asset;
  }

  static Map<String, Object> risk(String id, String owner, int likelihood, int impact, List<String> assetIds) {
    var risk = new LinkedHashMap<String, Object>();
    risk.put("id", id);
    risk.put("title", "Test risk " + id);
    risk.put("assetIds", assetIds);
    risk.put("threat", "Malware on the line network");
    risk.put("vulnerability", "Unpatched controllers");
    risk.put("owner", owner);
    risk.put("likelihood", likelihood);
    risk.put("impact", impact);
    return risk;
  }

  static RiskAssessment assessment(String riskId, long reviewKey, Instant at) {
    return new RiskAssessment(
        RiskAssessment.idFor(reviewKey, riskId), riskId, reviewKey, "risk.lena", null, null, at, 2, 2, 4, RiskLevel.LOW,
        RiskLevel.LOW, false, Risk.TreatmentOption.ACCEPT, null, null, null, null, "fine", RiskAssessment.Decision.ACCEPTED,
        LocalDate.parse("2027-01-01"));
  }

  @SuppressWarnings("unchecked")
  static List<String> fields(ResponseEntity<Map> response) {
    return ((List<Map<String, Object>>) response.getBody().get("problems")).stream().map(p -> (String) p.get("field")).distinct().toList();
  }

  static List<String> ids(List<Map<String, Object>> records) {
    return records.stream().map(r -> (String) r.get("id")).toList();
  }

  static List<String> assetIds(Map<String, String> risk) {
    return risk.get("assetIds").isEmpty() ? List.of() : Arrays.asList(risk.get("assetIds").split(";"));
  }

  String levelOf(Map<String, String> risk, String likelihood, String impact) {
    if (risk.get(likelihood).isEmpty()) {
      return "NONE";
    }
    return matrix.level(Integer.parseInt(risk.get(likelihood)) * Integer.parseInt(risk.get(impact))).name();
  }

  /** The review date has passed, or an open treatment action (id|title|owner|due|status|controls) is past due. */
  static boolean isOverdue(Map<String, String> risk, LocalDate today) {
    if (LocalDate.parse(risk.get("nextReviewDate")).isBefore(today)) {
      return true;
    }
    for (var action : risk.get("treatmentActions").split(";")) {
      var parts = action.split("\\|");
      if (parts.length > 3 && !parts[3].isEmpty() && LocalDate.parse(parts[3]).isBefore(today)
          && (parts.length < 5 || parts[4].isEmpty() || parts[4].equals("OPEN"))) {
        return true;
      }
    }
    return false;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = RiskRegisterIT.class.getResourceAsStream(SAMPLE + name)) {
      var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  /** Just enough CSV for the test to read the sample files on its own, independently of the code under test. */
  static final class SimpleCsv {

    /** Records as maps by header name, and each record's raw text (with its line end). */
    record Raw(List<String> cells, String text) {}

    static List<Raw> raw(String text) {
      var records = new ArrayList<Raw>();
      var cells = new ArrayList<String>();
      var cell = new StringBuilder();
      var quoted = false;
      var start = 0;
      for (int i = 0; i < text.length(); i++) {
        var c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
          if (c == '\r') {
            i++;
          }
          cells.add(cell.toString());
          records.add(new Raw(List.copyOf(cells), text.substring(start, i + 1)));
          cells.clear();
          cell.setLength(0);
          start = i + 1;
        } else {
          cell.append(c);
        }
      }
      return records;
    }

    static List<Map<String, String>> records(String text) {
      var raw = raw(text);
      var header = raw.getFirst().cells();
      return raw.stream()
          .skip(1)
          .map(
              r -> {
                var map = new LinkedHashMap<String, String>();
                for (int i = 0; i < header.size(); i++) {
                  map.put(header.get(i), i < r.cells().size() ? r.cells().get(i) : "");
                }
                return (Map<String, String>) map;
              })
          .toList();
    }

    /** The header and the rows whose id (first cell) is one of these, exactly as they were. */
    static String keepRows(String text, Set<String> ids) {
      var raw = raw(text);
      return raw.getFirst().text()
          + raw.stream().skip(1).filter(r -> ids.contains(r.cells().getFirst())).map(Raw::text).collect(Collectors.joining());
    }
  }
}
