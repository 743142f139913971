package io.ismsflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class AuditCanonicalJsonTest {

  private final CanonicalJson json = new CanonicalJson(new ObjectMapper());

  @JsonPropertyOrder({"zeta", "alpha"})
  record Ordered(String zeta, String alpha) {}

  record Review(String title, Instant at, LocalDate due, OffsetDateTime local, BigDecimal cost, Map<String, Object> extra) {}

  @Test
  void mapsWithTheSameContentGiveTheSameTextWhateverTheirOrder() {
    var one = new LinkedHashMap<String, Object>();
    one.put("b", 1);
    one.put("a", Map.of("y", 2, "x", List.of(Map.of("q", 1, "p", 2))));
    var other = new LinkedHashMap<String, Object>();
    other.put("a", Map.of("x", List.of(Map.of("p", 2, "q", 1)), "y", 2));
    other.put("b", 1);

    assertThat(json.write(one, "before")).isEqualTo(json.write(other, "before")).isEqualTo("{\"a\":{\"x\":[{\"p\":2,\"q\":1}],\"y\":2},\"b\":1}");
  }

  @Test
  void recordsAreWrittenWithSortedPropertiesIsoDatesKeepingTheirOffsetAndNulls() {
    var review =
        new Review(
            "Annual review",
            Instant.parse("2026-01-05T10:15:30.123Z"),
            LocalDate.parse("2026-03-31"),
            OffsetDateTime.parse("2026-01-05T11:15:30+01:00"),
            new BigDecimal("1200.50"),
            null);

    assertThat(json.write(review, "after"))
        .isEqualTo(
            "{\"at\":\"2026-01-05T10:15:30.123Z\",\"cost\":1200.5,\"due\":\"2026-03-31\",\"extra\":null,"
                + "\"local\":\"2026-01-05T11:15:30+01:00\",\"title\":\"Annual review\"}");
  }

  @Test
  void explicitPropertyOrderAndJsonTreesAreSortedToo() {
    var tree = new ObjectMapper().createObjectNode().put("z", 1).put("a", 2);

    assertThat(json.write(new Ordered("z", "a"), "after")).isEqualTo("{\"alpha\":\"a\",\"zeta\":\"z\"}");
    assertThat(json.write(tree, "after")).isEqualTo("{\"a\":2,\"z\":1}");
  }

  @Test
  void theAppsJacksonSettingsDoNotChangeTheCanonicalText() {
    var appLike =
        Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .featuresToEnable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.INDENT_OUTPUT)
            .build();
    var value = new LinkedHashMap<String, Object>();
    value.put("owner", null);
    value.put("at", Instant.parse("2026-01-05T10:15:30Z"));

    assertThat(new CanonicalJson(appLike).write(value, "before"))
        .isEqualTo(json.write(value, "before"))
        .isEqualTo("{\"at\":\"2026-01-05T10:15:30Z\",\"owner\":null}");
  }

  @Test
  void nullStaysNullAndPlainValuesAreJson() {
    assertThat(json.write(null, "before")).isNull();
    assertThat(json.write("text", "before")).isEqualTo("\"text\"");
    assertThat(json.write(List.of(3, 1, 2), "before")).as("array order is content").isEqualTo("[3,1,2]");
  }

  @Test
  void aValueJacksonCannotWriteIsRefusedWithTheFieldName() {
    assertThatThrownBy(() -> json.write(new Object(), "after"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("after (java.lang.Object) cannot be written as JSON");
  }
}
