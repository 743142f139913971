package io.ismsflow.platform;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused requests as RFC 9457 problem details, with a {@code problems} list where there is one. */
@RestControllerAdvice
class RequestRefusedHandler {

  @ExceptionHandler(RequestRefusedException.class)
  ProblemDetail refused(RequestRefusedException e) {
    return e.toProblemDetail();
  }
}
