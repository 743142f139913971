package io.ismsflow.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused requests as RFC 9457 problem details, with a {@code problems} list where there is one. */
@RestControllerAdvice
class RequestRefusedHandler {

  private static final Logger log = LoggerFactory.getLogger(RequestRefusedHandler.class);

  @ExceptionHandler(RequestRefusedException.class)
  ProblemDetail refused(RequestRefusedException e) {
    if (e.reason() == RequestRefusedException.Reason.UNAVAILABLE) {
      log.warn("Request refused, a service is unavailable: {}", e.getMessage());
    }
    return e.toProblemDetail();
  }
}
