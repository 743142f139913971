package io.ismsflow.search;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch node on loopback, started by the ISMS Flow app as a child process:
 * {@code java -cp lib/* io.ismsflow.search.LocalOpenSearch --http-port=9200 --transport-port=9300 --data=DIR}.
 * Prints {@code OpenSearch ready on http://127.0.0.1:PORT} once the cluster is usable, and stops
 * the node on SIGTERM. The data under {@code --data} survives restarts.
 */
public final class LocalOpenSearch {

  public static final String READY = "OpenSearch ready on ";

  private LocalOpenSearch() {}

  public static void main(String[] args) throws Exception {
    var options = options(args);
    var runner = start(Path.of(options.getOrDefault("data", "opensearch")), Integer.parseInt(options.getOrDefault("http-port", "9200")),
        Integer.parseInt(options.getOrDefault("transport-port", "9300")));
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    runner.close();
                  } catch (Exception e) {
                    System.err.println("OpenSearch: stopping failed: " + e);
                  } finally {
                    stopped.countDown();
                  }
                }));
    stopped.await();
  }

  /** Starts the node and waits until the cluster is at least yellow. */
  public static OpenSearchRunner start(Path data, int httpPort, int transportPort) throws Exception {
    Files.createDirectories(data);
    var runner = new OpenSearchRunner();
    runner.onBuild(
        (number, settings) -> {
          settings.put("network.host", "127.0.0.1");
          settings.put("http.port", httpPort);
          settings.put("transport.port", transportPort);
          settings.put("action.auto_create_index", true);
          // one node: replicas could never be assigned and every index would stay yellow
          settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });
    runner.build(
        newConfigs()
            .basePath(data.toAbsolutePath().toString())
            .clusterName("isms-local")
            .numOfNode(1)
            .disableESLogger()
            .pluginTypes(IndexManagementSettings.class.getName()));
    runner.ensureYellow();
    System.out.println(READY + "http://127.0.0.1:" + httpPort);
    System.out.flush();
    return runner;
  }

  private static Map<String, String> options(String[] args) {
    var options = new HashMap<String, String>();
    for (var arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Unknown argument '" + arg + "'; use --http-port=N --transport-port=N --data=DIR");
      }
      var split = arg.substring(2).split("=", 2);
      options.put(split[0], split[1]);
    }
    return options;
  }
}
