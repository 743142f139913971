package io.ismsflow.engine.web;

import io.ismsflow.engine.EngineRequestException;
import io.ismsflow.identity.FourEyes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused engine requests as RFC 9457 problem details, with field-level problems where there are any. */
@RestControllerAdvice
class EngineErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(EngineErrorHandler.class);

  @ExceptionHandler(EngineRequestException.class)
  ProblemDetail refused(EngineRequestException e) {
    var status =
        switch (e.reason()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
          case CONFLICT -> HttpStatus.CONFLICT;
          case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
          case ENGINE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      log.warn("Engine request failed: {}", e.getMessage());
    }
    var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    if (!e.problems().isEmpty()) {
      problem.setProperty("problems", e.problems());
    }
    return problem;
  }

  @ExceptionHandler(FourEyes.FourEyesViolationException.class)
  ProblemDetail fourEyes(FourEyes.FourEyesViolationException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }
}
