package io.ismsflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import io.ismsflow.platform.RequestRefusedException.Reason;
import io.ismsflow.platform.RequestRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks process variables sent by a client: names usable in FEEL, and a bounded size. */
@Component
class Variables {

  static final int MAX_BYTES = 64 * 1024;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

  private final ObjectMapper json;

  Variables(ObjectMapper json) {
    this.json = json;
  }

  Map<String, Object> check(Map<String, Object> variables) {
    if (variables == null) {
      return Map.of();
    }
    var problems = new ArrayList<FieldProblem>();
    variables.keySet().stream()
        .filter(name -> !NAME.matcher(name).matches())
        .forEach(name -> problems.add(new FieldProblem(name,
            "is not a valid variable name (letters, digits and _; not starting with a digit; at most 100 characters)")));
    if (!problems.isEmpty()) {
      throw new RequestRefusedException(Reason.INVALID_INPUT, "Some variable names are invalid", problems, null);
    }
    try {
      var size = json.writeValueAsBytes(variables).length;
      if (size > MAX_BYTES) {
        throw new RequestRefusedException(
            Reason.INVALID_INPUT, "The variables take " + size + " bytes; at most " + MAX_BYTES + " are accepted");
      }
    } catch (JsonProcessingException e) {
      throw new RequestRefusedException(Reason.INVALID_INPUT, "The variables cannot be written as JSON", List.of(), e);
    }
    return variables;
  }
}
