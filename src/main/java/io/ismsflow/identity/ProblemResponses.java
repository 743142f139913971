package io.ismsflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Refused sign-ins and requests as RFC 9457 problem details. No {@code WWW-Authenticate: Basic}
 * challenge is sent, so browsers never cache Basic credentials (which would expose them to CSRF).
 */
final class ProblemResponses {

  private final ObjectMapper json;

  ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint entryPoint() {
    return (request, response, failure) -> {
      if (failure instanceof LockedException) {
        response.setHeader("Retry-After", "900");
        write(response, HttpStatus.TOO_MANY_REQUESTS, failure.getMessage());
      } else {
        write(response, HttpStatus.UNAUTHORIZED, "Sign in first: send your credentials (HTTP Basic or a bearer token)");
      }
    };
  }

  AccessDeniedHandler accessDenied() {
    return (request, response, denied) ->
        write(
            response,
            HttpStatus.FORBIDDEN,
            denied instanceof CsrfException
                ? "This request changes data but carries no valid CSRF token: a browser session must send the"
                    + " XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header; scripts send their credentials in"
                    + " the Authorization header"
                : "Your groups do not allow this request");
  }

  private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }
}
