package io.ismsflow.platform;

/**
 * Something the app needs at startup (broker, record store, process models) failed. The message says why in plain words and
 * what to do about it; {@link StartupFailureAnalyzer} prints it without a stack trace.
 */
public class StartupException extends RuntimeException {

  private final String action;

  public StartupException(String message, String action) {
    this(message, action, null);
  }

  public StartupException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
