package io.ismsflow.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the {@code before} and {@code after} of an audit event as canonical JSON text: object keys
 * sorted at every level (record and bean properties, map entries and JSON trees alike), nulls kept,
 * dates as ISO-8601 text, no indentation. The same content therefore always gives the same text,
 * and the text (not a BSON document) is what is stored and hashed, so nothing changes on a round
 * trip through MongoDB.
 */
final class CanonicalJson {

  private final ObjectMapper json;

  CanonicalJson(ObjectMapper appMapper) {
    var mapper = appMapper.copy();
    mapper.registerModule(new JavaTimeModule()); // ignored if the app's mapper has it already
    mapper.setConfig(
        mapper
            .getSerializationConfig()
            .with(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .without(
                SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS,
                SerializationFeature.WRITE_DATES_WITH_ZONE_ID,
                SerializationFeature.INDENT_OUTPUT));
    mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
    this.json = mapper;
  }

  /** The canonical JSON text of {@code value}, or null for null. */
  String write(Object value, String what) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(sorted(json.valueToTree(value)));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " (" + value.getClass().getName() + ") cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** Object keys in order at every level: covers JSON trees and explicitly ordered properties too. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      var fields = new TreeMap<String, JsonNode>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        fields.put(field.getKey(), sorted(field.getValue()));
      }
      var result = JsonNodeFactory.instance.objectNode();
      fields.forEach(result::set);
      return result;
    }
    if (node.isArray()) {
      var result = JsonNodeFactory.instance.arrayNode(node.size());
      node.forEach(element -> result.add(sorted(element)));
      return result;
    }
    return node;
  }
}
