package io.ismsflow.engine;

import io.ismsflow.platform.FreePort;
import java.util.ArrayList;
import java.util.Map;

/** The check that every port a local process needs is free, with a message that names each taken one. */
final class Ports {

  private Ports() {}

  static void requireFree(String host, String what, Map<String, Integer> ports) {
    var taken = new ArrayList<String>();
    ports.forEach((name, port) -> {
      if (FreePort.isTaken(host, port)) {
        taken.add("port " + port + " for the " + name);
      }
    });
    if (!taken.isEmpty()) {
      throw new LocalEngineException(
          "Cannot start " + what + ": " + String.join(", ", taken) + " is already in use on " + host
              + ". Is another ISMS Flow or Camunda running? Stop it or choose other ports.");
    }
  }
}
