package io.ismsflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a limit with 413: at once when the declared length is too large,
 * and while reading when a body without a declared length (chunked) grows past it. CSV uploads to
 * an import endpoint ({@code POST /api/.../import}, {@code text/csv}) have a limit of their own,
 * large enough for the most rows an import takes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

  private final long defaultMaxBytes;
  private final long maxImportBytes;

  RequestSizeLimit(
      @Value("${isms.web.max-request-bytes:262144}") long maxBytes,
      @Value("${isms.web.max-import-bytes:8388608}") long maxImportBytes) {
    this.defaultMaxBytes = maxBytes;
    this.maxImportBytes = maxImportBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var maxBytes = isCsvImport(request) ? maxImportBytes : defaultMaxBytes;
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,\"detail\":\""
                  + TooLarge.message(maxBytes) + "\"}");
      return;
    }
    chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBytes) : request, response);
  }

  private static boolean isCsvImport(HttpServletRequest request) {
    var type = request.getContentType();
    return "POST".equals(request.getMethod())
        && request.getRequestURI().startsWith("/api/")
        && request.getRequestURI().endsWith("/import")
        && type != null
        && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
  }

  /** Thrown while reading a body that grew past the limit; not an IOException, so no parser turns it into a 400. */
  static class TooLarge extends RuntimeException {
    TooLarge(long maxBytes) {
      super(message(maxBytes));
    }

    static String message(long maxBytes) {
      return "Request bodies are limited to " + maxBytes + " bytes";
    }
  }

  @RestControllerAdvice
  static class TooLargeHandler {
    @ExceptionHandler(TooLarge.class)
    ProblemDetail tooLarge(TooLarge e) {
      return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        var delegate = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                var b = delegate.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                var n = delegate.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) {
                read += n;
                if (read > maxBytes) {
                  throw new TooLarge(maxBytes);
                }
              }

              @Override
              public boolean isFinished() {
                return delegate.isFinished();
              }

              @Override
              public boolean isReady() {
                return delegate.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                delegate.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
