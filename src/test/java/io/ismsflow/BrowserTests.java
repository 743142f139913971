package io.ismsflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a browser test script of {@code e2e/} (Node.js, playwright-core, Debian's Chromium) against
 * the running app. Where one of them is missing, the test is reported as skipped with what to
 * install; {@code .ci/run} installs all three, so CI always runs them.
 */
public final class BrowserTests {

  public static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots").toAbsolutePath();
  private static final Path E2E = Path.of("e2e").toAbsolutePath();
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  /** What a script printed and how it ended. */
  public record Result(int exitCode, String output) {}

  private BrowserTests() {}

  /** Skips the calling test, saying why, unless Node.js, e2e's packages and Chromium are there. */
  public static void assumeAvailable() {
    var missing = new ArrayList<String>();
    if (!onPath("node")) {
      missing.add("Node.js 20+ (node on the PATH)");
    }
    if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core")) || !Files.isDirectory(E2E.resolve("node_modules/axe-core"))) {
      missing.add("the e2e packages ('npm ci' in e2e/)");
    }
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add("Chromium at " + CHROMIUM + " (Debian package 'chromium', or set CHROMIUM)");
    }
    if (!missing.isEmpty()) {
      var message = "SKIPPED browser test: missing " + String.join(", ", missing) + "; .ci/run installs them";
      System.out.println(message);
      Assumptions.abort(message);
    }
  }

  public static Result run(String script, Map<String, String> environment) throws IOException, InterruptedException {
    Files.createDirectories(SCREENSHOTS);
    var process = new ProcessBuilder(List.of("node", E2E.resolve(script).toString())).directory(E2E.toFile()).redirectErrorStream(true);
    process.environment().putAll(environment);
    process.environment().put("SCREENSHOTS", SCREENSHOTS.toString());
    process.environment().put("CHROMIUM", CHROMIUM.toString());
    var started = process.start();
    var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!started.waitFor(5, TimeUnit.MINUTES)) {
      started.destroyForcibly();
      return new Result(-1, output + "\n(timed out after 5 minutes)");
    }
    System.out.print(output);
    return new Result(started.exitValue(), output);
  }

  private static boolean onPath(String command) {
    for (var dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
