package dev.clusterc.runtime.apply;

import static dev.clusterc.runtime.apply.Graphs.configMap;
import static dev.clusterc.runtime.apply.Graphs.unit;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server that cannot be reached is no refusal of an object (ObjectRefused, exit 2): the planner passes the failure on. */
class GraphPlannerUnreachableTest {
  @Test
  void aConnectionFailureIsNotAnObjectRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).build()).build()) {
      UnitGraph graph = new UnitGraph("c", List.of(unit("a", List.of(), configMap("default", "a", "1"))));
      KubernetesClientException e = assertThrows(KubernetesClientException.class,
          () -> new GraphPlanner(client, 2).plan(graph));
      boolean io = false;
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        io |= cause instanceof IOException;
      }
      assertTrue(io, "the failure keeps its I/O cause: " + e);
    }
  }
}
