package io.ismsflow.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM the app runs next to itself (OpenSearch, Operate, Tasklist): started with its output in a
 * log file, awaited until its health URL answers as expected, stopped with the app. A process
 * left running by an app that was killed hard is found by its pid file and stopped at the next
 * start, so no orphan outlives a restart.
 */
final class ChildProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final String mainClass;
  private final Path workDirectory;
  private final Path logFile;
  private final Path pidFile;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread killOnJvmExit;
  private java.util.function.Function<String, String> hints = tail -> "";
  private Process process;

  /**
   * @param name what it is, in log lines ("OpenSearch")
   * @param mainClass its main class; a leftover process is recognised by it
   * @param workDirectory where it runs, and where its log and pid file go
   */
  ChildProcess(String name, String mainClass, Path workDirectory) {
    this(name, mainClass, workDirectory, mainClass.substring(mainClass.lastIndexOf('.') + 1).toLowerCase());
  }

  /** @param fileName the base name of its log and pid files, e.g. {@code broker} */
  ChildProcess(String name, String mainClass, Path workDirectory, String fileName) {
    this.name = name;
    this.mainClass = mainClass;
    this.workDirectory = workDirectory;
    this.logFile = workDirectory.resolve(fileName + ".log");
    this.pidFile = workDirectory.resolve(fileName + ".pid");
    this.killOnJvmExit = new Thread(this::destroyIfAlive, "stop-" + fileName);
  }

  /** Adds process-specific explanations of a failed start, from the end of its log. */
  ChildProcess explainingFailuresWith(java.util.function.Function<String, String> hints) {
    this.hints = hints;
    return this;
  }

  long pid() {
    return process.pid();
  }

  Path logFile() {
    return logFile;
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts it; call {@link #stopLeftover()} first, before checking its ports, which a leftover would hold. */
  void start(List<String> javaOptions, List<String> classPath, List<String> arguments, Map<String, String> environment) {
    try {
      Files.createDirectories(workDirectory);
    } catch (IOException e) {
      throw new LocalEngineException("Cannot create " + workDirectory + " for " + name + ": " + e.getMessage(), e);
    }
    var command = new ArrayList<String>();
    command.add(javaExecutable());
    command.addAll(javaOptions);
    command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-cp", String.join(File.pathSeparator, classPath), mainClass));
    command.addAll(arguments);
    var builder =
        new ProcessBuilder(command)
            .directory(workDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(environment);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new LocalEngineException("Cannot start " + name + ": " + e.getMessage(), e);
    }
    try {
      Files.writeString(pidFile, Long.toString(process.pid()));
    } catch (IOException e) {
      log.warn("Engine: cannot write the pid file {} of {}: {}", pidFile, name, e.getMessage());
    }
    Runtime.getRuntime().addShutdownHook(killOnJvmExit);
  }

  /** Waits until the URL answers 200 with a body the check accepts; says why when it does not. */
  void awaitHealthy(URI health, Predicate<String> healthy, Duration timeout) {
    var deadline = System.nanoTime() + timeout.toNanos();
    var lastProgress = System.nanoTime();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new LocalEngineException(name + " exited during startup (exit code " + process.exitValue() + "). " + explainFailure() + " Its log: " + logFile);
      }
      var body = get(health);
      if (body != null && healthy.test(body)) {
        return;
      }
      if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(15)) {
        log.info("Engine: waiting for {} to become ready...", name);
        lastProgress = System.nanoTime();
      }
      sleep(500);
    }
    close();
    throw new LocalEngineException(name + " did not become ready within " + timeout.toSeconds() + " s. " + explainFailure() + " Its log: " + logFile);
  }

  private String get(URI uri) {
    try {
      var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalEngineException("Interrupted while waiting for " + name, e);
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      log.info("Engine: stopping {} (pid {})", name, process.pid());
      destroyIfAlive();
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      log.debug("Cannot delete {}", pidFile, e);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnJvmExit);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutdown in progress, or never added
    }
  }

  private void destroyIfAlive() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("Engine: {} did not stop within {} s; killing it", name, STOP_TIMEOUT.toSeconds());
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  void stopLeftover() {
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    try {
      var pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains(mainClass)).orElse(false))
          .ifPresent(
              leftover -> {
                log.warn("Engine: {} from an earlier run is still running on this data directory (pid {}); stopping it", name, pid);
                leftover.destroy();
                try {
                  leftover.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                  leftover.destroyForcibly();
                }
              });
      Files.deleteIfExists(pidFile);
    } catch (IOException | NumberFormatException e) {
      log.debug("Ignoring unreadable pid file {}", pidFile, e);
    }
  }

  private String explainFailure() {
    var tail = tail(200);
    if (tail.contains("Address already in use") || tail.contains("BindException")) {
      return "A port it needs is already in use (another ISMS Flow or Camunda running?).";
    }
    if (tail.contains("OutOfMemoryError")) {
      return "It ran out of memory.";
    }
    if (tail.contains("UnsupportedClassVersionError")) {
      return "Its Java is too old: it needs Java 21+.";
    }
    return hints.apply(tail);
  }

  private String tail(int lines) {
    try {
      var all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalEngineException("Interrupted", e);
    }
  }
}
