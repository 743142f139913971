package io.ismsflow.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTestStore;
import io.ismsflow.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The audit endpoints over MockMvc on the embedded record store, without Spring context or broker. */
class AuditControllerTest {

  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
  private static final int EXPORT_LIMIT = 3;

  private static AuditTestStore store;

  /** Like the app's (nulls left out), but with Jackson's default of dates as numbers: the export must still write ISO. */
  private final ObjectMapper json =
      Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL).build();

  private MongoTemplate mongo;
  private AuditTestStore.TestClock clock;
  private AuditTrail trail;
  private MockMvc mvc;

  @BeforeAll
  static void startStore() {
    store = new AuditTestStore();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void setUp() {
    mongo = store.freshDatabase();
    clock = new AuditTestStore.TestClock(T0);
    trail = new AuditTrail(mongo, json, clock);
    mvc =
        MockMvcBuilders.standaloneSetup(new AuditController(trail, json, EXPORT_LIMIT))
            .setMessageConverters(new MappingJackson2HttpMessageConverter(json))
            .build();
  }

  /** Entries 1, 2, 3 on 5, 6 and 7 January 2026 at 08:00 UTC. */
  private void appendOnePerDay(int days) {
    for (int n = 1; n <= days; n++) {
      clock.set(T0.plus(Duration.ofDays(n - 1)));
      trail.append(
          new AuditEvent(
              "anna", List.of("ciso"), "risk.updated", "Risk", "R-" + n, null, Map.of("score", n), 2251799813685249L,
              null));
    }
  }

  @Test
  void verifyAnswersWithTheChainVerificationWhetherIntactOrNot() throws Exception {
    appendOnePerDay(2);

    mvc.perform(get("/api/audit/verify"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.intact").value(true))
        .andExpect(jsonPath("$.entriesChecked").value(2));

    mongo.updateFirst(Query.query(Criteria.where("_id").is(2L)), Update.update("actor", "mallory"), "audit_trail");

    mvc.perform(get("/api/audit/verify"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.intact").value(false))
        .andExpect(jsonPath("$.firstBrokenSequence").value(2))
        .andExpect(jsonPath("$.problem").value("entry 2 was modified (its hash does not match its content)"));
  }

  @Test
  void entriesOfAPeriodAreExportedAsJsonInSequenceOrder() throws Exception {
    appendOnePerDay(3);

    mvc.perform(get("/api/audit/entries").param("from", "2026-01-06T00:00:00Z").param("to", "2026-01-08T00:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("application/json"))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].sequence").value(2))
        .andExpect(jsonPath("$[0].at").value("2026-01-06T08:00:00Z"))
        .andExpect(jsonPath("$[0].roles[0]").value("ciso"))
        .andExpect(jsonPath("$[0].after").value("{\"score\":2}"))
        .andExpect(jsonPath("$[0].hash").value(trail.entries(null, null).get(1).hash()))
        .andExpect(jsonPath("$[1].sequence").value(3));

    mvc.perform(get("/api/audit/entries")).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3));
  }

  @Test
  void datesMayCarryAnOffsetEvenWhenItsPlusArrivesAsASpace() throws Exception {
    appendOnePerDay(3);

    for (var from : List.of("2026-01-06T09:00:00+01:00", "2026-01-06T09:00:00 01:00", "2026-01-06")) {
      mvc.perform(get("/api/audit/entries").param("from", from))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$[0].sequence").value(2))
          .andExpect(jsonPath("$.length()").value(2));
    }
  }

  @Test
  void entriesAreExportedAsACsvAttachment() throws Exception {
    appendOnePerDay(2);

    var response =
        mvc.perform(
                get("/api/audit/entries")
                    .param("from", "2026-01-01T00:00:00Z")
                    .param("to", "2026-02-01T00:00:00Z")
                    .param("format", "csv"))
            .andExpect(status().isOk())
            .andExpect(content().contentType("text/csv;charset=UTF-8"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        "attachment; filename=\"audit-trail-20260101T000000Z-20260201T000000Z.csv\""))
            .andReturn()
            .getResponse();

    var lines = response.getContentAsString(StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("sequence,at,actor,roles,action,");
    assertThat(lines[1]).startsWith("1,2026-01-05T08:00:00Z,anna,\"[\"\"ciso\"\"]\",risk.updated,Risk,R-1,,\"{\"\"score\"\":1}\",");
    assertThat(lines[2]).startsWith("2,2026-01-06T08:00:00Z,anna,");
  }

  @Test
  void anOpenPeriodIsNamedInTheFileName() throws Exception {
    mvc.perform(get("/api/audit/entries").param("format", "CSV"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-trail-start-now.csv\""))
        .andExpect(content().string("sequence,at,actor,roles,action,subjectType,subjectId,before,after,"
            + "processInstanceKey,taskKey,previousHash,hash\r\n"));
  }

  @Test
  void aBadDateIsRefusedWithAProblemDetail() throws Exception {
    mvc.perform(get("/api/audit/entries").param("from", "yesterday"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail").value(startsWith("from must be an ISO-8601 instant such as 2026-01-01T00:00:00Z")))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith("got 'yesterday'")));

    mvc.perform(get("/api/audit/entries").param("to", "2026-13-01T00:00:00Z"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(startsWith("to must be an ISO-8601 instant")));
  }

  @Test
  void anUnknownFormatIsRefused() throws Exception {
    mvc.perform(get("/api/audit/entries").param("format", "xml"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("format must be json or csv, got 'xml'"));
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() throws Exception {
    mvc.perform(get("/api/audit/entries").param("from", "2026-02-01T00:00:00Z").param("to", "2026-01-01T00:00:00Z"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("from (2026-02-01T00:00:00Z) must not be after to (2026-01-01T00:00:00Z)"));
  }

  @Test
  void anExportOverTheLimitIsRefusedAndANarrowerPeriodIsServed() throws Exception {
    appendOnePerDay(EXPORT_LIMIT + 1);

    mvc.perform(get("/api/audit/entries").param("format", "csv"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value("The period holds 4 audit entries, more than the 3 one export may hold; narrow the period with from and to"));

    mvc.perform(get("/api/audit/entries").param("from", "2026-01-06T00:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(3));
  }

  @Test
  void theFullLimitIsTheOneTheApplicationUses() {
    assertThat(AuditController.MAX_EXPORT_ENTRIES).isEqualTo(100_000);
  }
}
