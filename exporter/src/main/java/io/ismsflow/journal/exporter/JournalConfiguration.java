package io.ismsflow.journal.exporter;

import java.time.Duration;
import java.util.Map;

/**
 * The exporter's arguments, as given to the broker under {@code zeebe.broker.exporters.<id>.args}
 * (environment: {@code ZEEBE_BROKER_EXPORTERS_JOURNAL_ARGS_URL} and so on).
 *
 * @param url MongoDB connection string (required)
 * @param database database name; defaults to the database in the URL, else {@code isms}
 * @param bulkSize records buffered before a write
 * @param flushInterval longest time a record waits in the buffer
 * @param maxBufferSize records held while MongoDB is unreachable before the exporter stops taking
 *     more (the broker then retries the record and keeps everything not yet acknowledged)
 */
record JournalConfiguration(
    String url, String database, int bulkSize, Duration flushInterval, int maxBufferSize) {

  static JournalConfiguration from(Map<String, Object> args) {
    var url = string(args, "url", null);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "journal exporter: argument 'url' (MongoDB connection string) is required");
    }
    if (!url.startsWith("mongodb://") && !url.startsWith("mongodb+srv://")) {
      throw new IllegalArgumentException(
          "journal exporter: argument 'url' must be a mongodb:// or mongodb+srv:// URL, got '"
              + redact(url) + "'");
    }
    var database = string(args, "database", null);
    if (database == null || database.isBlank()) {
      database = databaseFromUrl(url);
    }
    var bulkSize = positive(args, "bulkSize", 200);
    var flushMillis = positive(args, "flushIntervalMs", 500);
    var maxBuffer = positive(args, "maxBufferSize", 10_000);
    if (maxBuffer < bulkSize) {
      throw new IllegalArgumentException(
          "journal exporter: maxBufferSize (" + maxBuffer + ") must be at least bulkSize (" + bulkSize + ")");
    }
    return new JournalConfiguration(url, database, bulkSize, Duration.ofMillis(flushMillis), maxBuffer);
  }

  /** The URL without its password, for log lines. */
  String redactedUrl() {
    return redact(url);
  }

  private static String redact(String url) {
    return url.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
  }

  private static String databaseFromUrl(String url) {
    var afterHosts = url.indexOf('/', url.indexOf("//") + 2);
    if (afterHosts < 0) {
      return "isms";
    }
    var name = url.substring(afterHosts + 1);
    var query = name.indexOf('?');
    if (query >= 0) {
      name = name.substring(0, query);
    }
    return name.isBlank() ? "isms" : name;
  }

  private static String string(Map<String, Object> args, String name, String fallback) {
    var value = lookup(args, name);
    return value == null ? fallback : value.toString();
  }

  private static int positive(Map<String, Object> args, String name, int fallback) {
    var value = lookup(args, name);
    if (value == null) {
      return fallback;
    }
    try {
      var parsed = Integer.parseInt(value.toString().trim());
      if (parsed <= 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "journal exporter: argument '" + name + "' must be a positive whole number, got '" + value + "'");
    }
  }

  /** Spring's relaxed binding hands arguments over in lower case when they come from environment variables. */
  private static Object lookup(Map<String, Object> args, String name) {
    if (args == null) {
      return null;
    }
    if (args.containsKey(name)) {
      return args.get(name);
    }
    for (var entry : args.entrySet()) {
      if (entry.getKey().replace("-", "").equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
