package io.ismsflow.platform;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A request a module refused, with a reason the web layer turns into a status code and the
 * problems that explain it: per field of a request body ({@link FieldProblem}) or per cell of an
 * uploaded file ({@link RowProblem}). Nothing was changed when this is thrown.
 */
public class RequestRefusedException extends RuntimeException {

  public enum Reason {
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    INVALID_INPUT,
    /** A service the request needs (the process engine, say) did not answer. */
    UNAVAILABLE
  }

  /** What is wrong with one field of a request; nested fields are written {@code actions[1].dueDate}. */
  public record FieldProblem(String field, String message) {}

  /**
   * What is wrong with one cell of an uploaded table.
   *
   * @param row the spreadsheet row: the header is row 1, the first record row 2
   * @param column the column's name, or null when the whole row or file is meant
   */
  public record RowProblem(int row, String column, String message) {}

  private final Reason reason;
  private final List<?> problems;

  public RequestRefusedException(Reason reason, String message) {
    this(reason, message, List.of());
  }

  public RequestRefusedException(Reason reason, String message, List<?> problems) {
    this(reason, message, problems, null);
  }

  public RequestRefusedException(Reason reason, String message, List<?> problems, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public static RequestRefusedException notFound(String message) {
    return new RequestRefusedException(Reason.NOT_FOUND, message);
  }

  public static RequestRefusedException forbidden(String message) {
    return new RequestRefusedException(Reason.FORBIDDEN, message);
  }

  public static RequestRefusedException conflict(String message) {
    return new RequestRefusedException(Reason.CONFLICT, message);
  }

  public static RequestRefusedException invalid(String message, List<?> problems) {
    return new RequestRefusedException(Reason.INVALID_INPUT, message, problems);
  }

  public Reason reason() {
    return reason;
  }

  /** {@link FieldProblem}s or {@link RowProblem}s; empty when the message says it all. */
  public List<?> problems() {
    return problems;
  }

  /** The refusal as an RFC 9457 problem detail with a {@code problems} list where there is one. */
  public ProblemDetail toProblemDetail() {
    var status =
        switch (reason) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
          case CONFLICT -> HttpStatus.CONFLICT;
          case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
          case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    var problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    if (!problems.isEmpty()) {
      problem.setProperty("problems", problems);
    }
    return problem;
  }

  /**
   * A JSON body whose values have the wrong type, as a refusal naming the field, e.g. a likelihood
   * of {@code "high"}; other unreadable bodies (broken JSON) as a plain refusal. For controllers to
   * answer with ({@link #toProblemDetail()}) from their own {@code @ExceptionHandler}, so that other
   * modules keep Spring's default.
   */
  public static RequestRefusedException unreadableBody(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      var field = new StringBuilder();
      for (var reference : mismatch.getPath()) {
        if (reference.getIndex() >= 0) {
          field.append('[').append(reference.getIndex()).append(']');
        } else if (reference.getFieldName() != null) {
          field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
        }
      }
      var expected = mismatch.getTargetType() == null ? "value" : mismatch.getTargetType().getSimpleName();
      var message =
          switch (expected) {
            case "Integer", "int", "Long", "long" -> "must be a whole number";
            case "LocalDate" -> "must be a date written YYYY-MM-DD";
            case "List" -> "must be a list";
            case "String" -> "must be text";
            default -> "has the wrong type (" + expected + " expected)";
          };
      if (mismatch instanceof InvalidFormatException invalid && invalid.getValue() != null) {
        message = "'" + shortened(String.valueOf(invalid.getValue())) + "' " + message.replaceFirst("^must", "is not valid: must");
      }
      return invalid(
          "The request body has values of the wrong type", List.of(new FieldProblem(field.toString(), message)));
    }
    return invalid("The request body is not readable JSON", List.of());
  }

  private static String shortened(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "...";
  }
}
