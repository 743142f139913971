package io.ismsflow.engine;

import java.util.List;

/**
 * A request to the engine that was refused, with a reason the web adapter turns into a status code
 * and the field-level problems, if any. Nothing was changed in the engine when this is thrown.
 */
public class EngineRequestException extends RuntimeException {

  public enum Reason {
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    INVALID_INPUT,
    ENGINE_UNAVAILABLE
  }

  public record FieldProblem(String field, String message) {}

  private final Reason reason;
  private final List<FieldProblem> problems;

  public EngineRequestException(Reason reason, String message) {
    this(reason, message, List.of(), null);
  }

  public EngineRequestException(Reason reason, String message, List<FieldProblem> problems, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public Reason reason() {
    return reason;
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
