package io.ismsflow.engine;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import io.ismsflow.platform.RequestRefusedException.Reason;
import io.ismsflow.platform.RequestRefusedException;
import java.util.List;
import java.util.function.Supplier;

/** Runs a command against the engine and turns its refusals into {@link RequestRefusedException}s. */
final class EngineCalls {

  private EngineCalls() {}

  static <T> T call(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (ProblemException e) {
      var status = e.details() == null ? 0 : e.details().getStatus();
      var detail = e.details() == null ? e.getMessage() : e.details().getDetail();
      throw new RequestRefusedException(reasonForHttp(status), what + ": " + detail, List.of(), e);
    } catch (ClientStatusException e) {
      throw new RequestRefusedException(reasonForGrpc(e.getStatusCode()), what + ": " + e.getStatus().getDescription(), List.of(), e);
    } catch (ClientException e) {
      throw new RequestRefusedException(Reason.UNAVAILABLE, what + ": " + e.getMessage(), List.of(), e);
    }
  }

  private static Reason reasonForHttp(int status) {
    return switch (status) {
      case 404 -> Reason.NOT_FOUND;
      case 409 -> Reason.CONFLICT;
      case 400 -> Reason.INVALID_INPUT;
      default -> Reason.UNAVAILABLE;
    };
  }

  private static Reason reasonForGrpc(Status.Code code) {
    return switch (code) {
      case NOT_FOUND -> Reason.NOT_FOUND;
      case FAILED_PRECONDITION, ALREADY_EXISTS -> Reason.CONFLICT;
      case INVALID_ARGUMENT -> Reason.INVALID_INPUT;
      default -> Reason.UNAVAILABLE;
    };
  }
}
