package io.ismsflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The input fields of a Camunda Form ({@code forms/*.form}) and their validation rules, so that the
 * server enforces the same rules as the form, whatever the client.
 */
record FormSchema(String id, String resourceName, Map<String, Field> fields) {

  private static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime", "taglist");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  record Field(
      String key,
      String type,
      String label,
      boolean required,
      BigDecimal min,
      BigDecimal max,
      Integer minLength,
      Integer maxLength,
      Pattern pattern,
      boolean email,
      List<String> allowedValues) {}

  record Violation(String field, String message) {}

  static FormSchema parse(String resourceName, JsonNode form) {
    var id = form.path("id").asText("");
    if (id.isBlank()) {
      throw new ModelDeploymentException("The form " + resourceName + " has no id", null);
    }
    var fields = new LinkedHashMap<String, Field>();
    collect(resourceName, form.path("components"), fields);
    return new FormSchema(id, resourceName, Map.copyOf(fields));
  }

  private static void collect(String resourceName, JsonNode components, Map<String, Field> fields) {
    for (var component : components) {
      var type = component.path("type").asText("");
      if (component.has("components")) {
        collect(resourceName, component.path("components"), fields);
      }
      if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")) {
        continue;
      }
      var validate = component.path("validate");
      var allowed = new ArrayList<String>();
      component.path("values").forEach(option -> allowed.add(option.path("value").asText()));
      Pattern pattern = null;
      if (validate.hasNonNull("pattern")) {
        try {
          pattern = Pattern.compile(validate.get("pattern").asText());
        } catch (PatternSyntaxException e) {
          throw new ModelDeploymentException(
              "The form " + resourceName + " has an invalid pattern for field '" + component.get("key").asText() + "'", e);
        }
      }
      var key = component.get("key").asText();
      fields.put(
          key,
          new Field(
              key,
              type,
              component.path("label").asText(key),
              validate.path("required").asBoolean(false),
              validate.hasNonNull("min") ? validate.get("min").decimalValue() : null,
              validate.hasNonNull("max") ? validate.get("max").decimalValue() : null,
              validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
              validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
              pattern,
              "email".equals(validate.path("validationType").asText()),
              List.copyOf(allowed)));
    }
  }

  /** Every rule the submitted values break, field by field; empty when they are valid. */
  List<Violation> validate(Map<String, Object> values) {
    var violations = new ArrayList<Violation>();
    values.keySet().stream()
        .filter(key -> !fields.containsKey(key))
        .sorted()
        .forEach(key -> violations.add(new Violation(key, "is not a field of the form '" + id + "'")));
    for (var field : fields.values()) {
      var value = values.get(field.key());
      if (isEmpty(field, value)) {
        if (field.required()) {
          violations.add(new Violation(field.key(), field.label() + " is required"));
        }
        continue;
      }
      var problem = check(field, value);
      if (problem != null) {
        violations.add(new Violation(field.key(), problem));
      }
    }
    return violations;
  }

  private static String check(Field field, Object value) {
    return switch (field.type()) {
      case "number" -> checkNumber(field, value);
      case "checkbox" -> value instanceof Boolean ? null : field.label() + " must be true or false";
      case "radio", "select" -> checkOption(field, value);
      case "checklist", "taglist" -> checkOptions(field, value);
      default -> checkText(field, value);
    };
  }

  private static String checkNumber(Field field, Object value) {
    if (!(value instanceof Number number)) {
      return field.label() + " must be a number";
    }
    var decimal = new BigDecimal(number.toString());
    if (field.min() != null && decimal.compareTo(field.min()) < 0) {
      return field.label() + " must be at least " + field.min().toPlainString();
    }
    if (field.max() != null && decimal.compareTo(field.max()) > 0) {
      return field.label() + " must be at most " + field.max().toPlainString();
    }
    return null;
  }

  private static String checkText(Field field, Object value) {
    if (!(value instanceof String text)) {
      return field.label() + " must be text";
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      return field.label() + " must have at least " + field.minLength() + " characters";
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      return field.label() + " must have at most " + field.maxLength() + " characters";
    }
    if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
      return field.label() + " does not have the expected format";
    }
    if (field.email() && !EMAIL.matcher(text).matches()) {
      return field.label() + " must be an e-mail address";
    }
    return null;
  }

  private static String checkOption(Field field, Object value) {
    if (!(value instanceof String text)) {
      return field.label() + " must be one of " + field.allowedValues();
    }
    if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(text)) {
      return field.label() + " must be one of " + field.allowedValues();
    }
    return null;
  }

  private static String checkOptions(Field field, Object value) {
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      return field.label() + " must be a list of values";
    }
    if (!field.allowedValues().isEmpty() && !field.allowedValues().containsAll(list)) {
      return field.label() + " may only contain " + field.allowedValues();
    }
    return null;
  }

  /** As in form-js: an unchecked required checkbox counts as not filled in. */
  private static boolean isEmpty(Field field, Object value) {
    return value == null
        || ("checkbox".equals(field.type()) && Boolean.FALSE.equals(value))
        || (value instanceof String text && text.isBlank())
        || (value instanceof List<?> list && list.isEmpty());
  }
}
