package io.ismsflow.journal.exporter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Set;
import org.bson.Document;

/**
 * Reads the {@code value} of a record's JSON as plain JSON into a BSON document. Free-form maps
 * chosen by users (process variables, custom headers) are kept as JSON text: their keys may hold
 * dots or dollar signs, which are not safe as MongoDB field names, and their values are evidence
 * to keep as they were, not data to query.
 */
final class RecordValues {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
  private static final Set<String> KEPT_AS_TEXT = Set.of("variables", "customHeaders");
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private RecordValues() {}

  /** The record's value, or {@code null} if the JSON has none. */
  static Document valueOf(String recordJson) {
    try {
      var value = JSON.readTree(recordJson).get("value");
      return value != null && value.isObject() ? document(value, true) : null;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Record JSON cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  private static Document document(JsonNode node, boolean topLevel) {
    var document = new Document();
    node.properties()
        .forEach(
            field -> {
              if (topLevel && KEPT_AS_TEXT.contains(field.getKey()) && field.getValue().isObject()) {
                document.append(field.getKey(), field.getValue().toString());
              } else {
                document.append(field.getKey(), convert(field.getValue()));
              }
            });
    return document;
  }

  private static Object convert(JsonNode node) {
    if (node.isObject()) {
      return document(node, false);
    }
    if (node.isArray()) {
      var list = new ArrayList<Object>(node.size());
      node.forEach(item -> list.add(convert(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      var big = node.bigIntegerValue();
      if (big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0) {
        return big.bitLength() < 32 ? (Object) big.intValue() : (Object) big.longValue();
      }
      return big.toString();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.asText();
  }
}
