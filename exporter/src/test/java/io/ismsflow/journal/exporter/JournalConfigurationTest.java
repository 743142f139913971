package io.ismsflow.journal.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JournalConfigurationTest {

  @Test
  void usesDefaultsWhenOnlyTheUrlIsGiven() {
    var configuration = JournalConfiguration.from(Map.of("url", "mongodb://mongo:27017"));

    assertThat(configuration.url()).isEqualTo("mongodb://mongo:27017");
    assertThat(configuration.database()).isEqualTo("isms");
    assertThat(configuration.bulkSize()).isEqualTo(200);
    assertThat(configuration.flushInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(configuration.maxBufferSize()).isEqualTo(10_000);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void requiresAUrl(String url) {
    var args = new HashMap<String, Object>();
    args.put("url", url);

    assertThatThrownBy(() -> JournalConfiguration.from(args))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'url'")
        .hasMessageContaining("required");
  }

  @Test
  void requiresAUrlWhenThereAreNoArgumentsAtAll() {
    assertThatThrownBy(() -> JournalConfiguration.from(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JournalConfiguration.from(Map.of("bulkSize", 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("required");
  }

  @Test
  void rejectsAUrlThatIsNotMongoDbWithoutRevealingItsPassword() {
    assertThatThrownBy(
            () -> JournalConfiguration.from(Map.of("url", "http://journal:s3cret@mongo:27017/isms")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mongodb://")
        .hasMessageContaining("http://journal:***@mongo:27017/isms")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void acceptsSrvUrls() {
    var configuration =
        JournalConfiguration.from(Map.of("url", "mongodb+srv://cluster0.example.net/journal?retryWrites=true"));

    assertThat(configuration.database()).isEqualTo("journal");
  }

  @ParameterizedTest
  @CsvSource({
    "mongodb://mongo:27017, isms",
    "mongodb://mongo:27017/, isms",
    "mongodb://mongo:27017/?authSource=admin, isms",
    "mongodb://mongo:27017/isms_journal, isms_journal",
    "mongodb://journal:pw@mongo:27017/isms_journal?authSource=admin, isms_journal",
    "'mongodb://m1:27017,m2:27017,m3:27017/audit?replicaSet=rs0', audit"
  })
  void takesTheDatabaseFromTheUrl(String url, String database) {
    assertThat(JournalConfiguration.from(Map.of("url", url)).database()).isEqualTo(database);
  }

  @Test
  void anExplicitDatabaseWinsOverTheUrl() {
    var configuration =
        JournalConfiguration.from(Map.of("url", "mongodb://mongo:27017/from_url", "database", "explicit"));

    assertThat(configuration.database()).isEqualTo("explicit");
  }

  @Test
  void aBlankDatabaseFallsBackToTheUrl() {
    var configuration =
        JournalConfiguration.from(Map.of("url", "mongodb://mongo:27017/from_url", "database", " "));

    assertThat(configuration.database()).isEqualTo("from_url");
  }

  @Test
  void readsLowerCaseKeysAsSpringBindsThemFromEnvironmentVariables() {
    // ZEEBE_BROKER_EXPORTERS_JOURNAL_ARGS_BULKSIZE=50 and so on arrive as lower-case strings
    var configuration =
        JournalConfiguration.from(
            Map.of(
                "url", "mongodb://mongo:27017",
                "database", "isms_env",
                "bulksize", "50",
                "flushintervalms", "250",
                "maxbuffersize", "5000"));

    assertThat(configuration.database()).isEqualTo("isms_env");
    assertThat(configuration.bulkSize()).isEqualTo(50);
    assertThat(configuration.flushInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(configuration.maxBufferSize()).isEqualTo(5000);
  }

  @Test
  void readsKebabCaseKeysAndNumbersGivenAsNumbersOrPaddedStrings() {
    var configuration =
        JournalConfiguration.from(
            Map.of("url", "mongodb://mongo:27017", "bulk-size", 20, "flush-interval-ms", " 75 ", "maxBufferSize", 40));

    assertThat(configuration.bulkSize()).isEqualTo(20);
    assertThat(configuration.flushInterval()).isEqualTo(Duration.ofMillis(75));
    assertThat(configuration.maxBufferSize()).isEqualTo(40);
  }

  @ParameterizedTest
  @CsvSource({
    "bulkSize, 0",
    "bulkSize, -5",
    "bulkSize, many",
    "bulksize, 0",
    "flushIntervalMs, 0",
    "flushIntervalMs, 1.5",
    "maxBufferSize, -1"
  })
  void rejectsNumbersThatAreNotPositiveWholeNumbers(String key, String value) {
    var args = Map.<String, Object>of("url", "mongodb://mongo:27017", key, value);

    assertThatThrownBy(() -> JournalConfiguration.from(args))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive whole number")
        .hasMessageContaining("'" + value + "'");
  }

  @Test
  void rejectsANonPositiveNumberGivenAsANumber() {
    assertThatThrownBy(() -> JournalConfiguration.from(Map.of("url", "mongodb://mongo:27017", "bulkSize", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bulkSize'");
  }

  @Test
  void rejectsABufferSmallerThanOneBulk() {
    assertThatThrownBy(
            () ->
                JournalConfiguration.from(
                    Map.of("url", "mongodb://mongo:27017", "bulkSize", 100, "maxBufferSize", 99)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBufferSize");
  }

  @ParameterizedTest
  @CsvSource({
    "mongodb://journal:s3cret@mongo:27017/isms, mongodb://journal:***@mongo:27017/isms",
    "'mongodb://journal:s3cr%2Fet@m1:27017,m2:27017/isms?authSource=admin', 'mongodb://journal:***@m1:27017,m2:27017/isms?authSource=admin'",
    "mongodb+srv://journal:p%40ss@cluster0.example.net/isms, mongodb+srv://journal:***@cluster0.example.net/isms",
    "mongodb://journal@mongo:27017/isms, mongodb://journal@mongo:27017/isms",
    "mongodb://mongo:27017/isms, mongodb://mongo:27017/isms"
  })
  void redactsThePasswordInTheUrl(String url, String redacted) {
    var configuration = JournalConfiguration.from(Map.of("url", url));

    assertThat(configuration.redactedUrl()).isEqualTo(redacted);
    assertThat(configuration.url()).isEqualTo(url);
  }
}
