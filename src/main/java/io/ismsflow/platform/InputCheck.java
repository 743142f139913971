package io.ismsflow.platform;

import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the fields of one input and collects a problem per bad field, so that a refusal names
 * every field to fix at once. Each method returns the cleaned value (texts stripped, blanks as
 * null) or null when the field has a problem.
 */
public final class InputCheck {

  /** Identifiers of register records: 1-4 capital letters, a hyphen, 1-5 digits, e.g. {@code R-001}, {@code OT-12}. */
  public static final Pattern ID = Pattern.compile("^[A-Z]{1,4}-[0-9]{1,5}$");

  /** User names: 1-100 characters without blanks or control characters (local names, e-mail addresses, OIDC names). */
  private static final Pattern USER_NAME = Pattern.compile("^[^\\s\\p{Cntrl}]{1,100}$");

  private final List<FieldProblem> problems = new ArrayList<>();

  public void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public List<FieldProblem> problems() {
    return List.copyOf(problems);
  }

  /** Refuses the input (400) if any field has a problem. */
  public void refuseIfAny(String what) {
    if (!problems.isEmpty()) {
      throw RequestRefusedException.invalid(
          what + " is not valid: " + (problems.size() == 1 ? "1 field needs" : problems.size() + " fields need") + " fixing",
          problems);
    }
  }

  /**
   * The id of a record to create or update: the body's, which must match the path's on an update;
   * the path's when the body leaves it out.
   *
   * @param pathId the id the request's path names (update), or null (create, import)
   * @param noun what the record is, for the message, e.g. "an asset"
   */
  public String idMatchingPath(String value, String pathId, String noun) {
    if (pathId != null && (value == null || value.isBlank())) {
      return pathId;
    }
    var id = id("id", value);
    if (id != null && pathId != null && !id.equals(pathId)) {
      problem("id", "is " + id + " but the path names " + pathId + "; " + noun + "'s id cannot change");
    }
    return id;
  }

  /** A required identifier matching {@link #ID}. */
  public String id(String field, String value) {
    var id = value == null ? "" : value.strip();
    if (id.isEmpty()) {
      problem(field, "is required, e.g. R-001");
      return null;
    }
    if (!ID.matcher(id).matches()) {
      problem(field, "'" + shortened(id) + "' is not an identifier: 1-4 capital letters, a hyphen and 1-5 digits, e.g. R-001");
      return null;
    }
    return id;
  }

  public String requiredText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      problem(field, "is required");
      return null;
    }
    return optionalText(field, value, maxLength);
  }

  /** Stripped text, null if blank; a problem if longer than {@code maxLength} characters. */
  public String optionalText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    var text = value.strip();
    if (text.length() > maxLength) {
      problem(field, "must be at most " + maxLength + " characters, not " + text.length());
      return null;
    }
    return text;
  }

  /** A user name: no blanks, at most 100 characters. */
  public String userName(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        problem(field, "is required: the user name of a person, e.g. risk.ben");
      }
      return null;
    }
    var name = value.strip();
    if (!USER_NAME.matcher(name).matches()) {
      problem(field, "'" + shortened(name) + "' is not a user name: at most 100 characters, no blanks");
      return null;
    }
    return name;
  }

  /** A whole number from {@code min} to {@code max}; a problem if missing and required. */
  public Integer number(String field, Integer value, int min, int max, boolean required) {
    if (value == null) {
      if (required) {
        problem(field, "is required: a whole number from " + min + " to " + max);
      }
      return null;
    }
    if (value < min || value > max) {
      problem(field, "must be from " + min + " to " + max + ", not " + value);
      return null;
    }
    return value;
  }

  /** A constant of the enum by its name (case ignored); an unknown one is a problem listing the allowed names. */
  public <E extends Enum<E>> E choice(String field, String value, Class<E> type, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        problem(field, "is required: one of " + names(type));
      }
      return null;
    }
    var name = value.strip().toUpperCase(Locale.ROOT);
    for (var constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    problem(field, "'" + shortened(value.strip()) + "' is not allowed; use one of " + names(type));
    return null;
  }

  public static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  public static String shortened(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "...";
  }
}
