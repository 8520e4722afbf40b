package dev.clusterc.testapiserver;

import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.io.InputStream;

/**
 * Starts a {@link TestCluster} for scripts (the apply benchmark, {@code bench/apply/run}): prints
 * {@code kubeconfig: PATH} on a line of its own once the cluster is ready, keeps it up until standard
 * input closes, then stops it. {@code --pods N} gives the fake node room for N pods (it has 110), so
 * that a thousand Deployments can all roll out.
 *
 * <pre>{@code
 * mvn -q -pl test-apiserver compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=dev.clusterc.testapiserver.TestClusterMain -Dexec.args="--pods 2000"
 * }</pre>
 */
public final class TestClusterMain {
  private TestClusterMain() {}

  public static void main(String[] args) throws IOException {
    int pods = 0;
    for (int i = 0; i < args.length; i++) {
      if ("--pods".equals(args[i]) && i + 1 < args.length) {
        pods = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: TestClusterMain [--pods N]");
        System.exit(2);
      }
    }
    try (TestCluster cluster = new TestCluster()) {
      cluster.start();
      if (pods > 0) {
        room(cluster, pods);
      }
      System.out.println("kubeconfig: " + cluster.kubeconfig().toAbsolutePath());
      System.out.println("logs: " + cluster.logDirectory().toAbsolutePath());
      System.out.flush();
      InputStream in = System.in;
      byte[] buffer = new byte[256];
      while (in.read(buffer) >= 0) {
        // nothing to do until standard input closes
      }
    }
  }

  /** Raises the node's pod capacity in its status (kwok keeps what the status says). */
  private static void room(TestCluster cluster, int pods) {
    Quantity quantity = new Quantity(Integer.toString(pods));
    cluster.client().nodes().withName(TestCluster.NODE_NAME).editStatus(node -> {
      node.getStatus().getCapacity().put("pods", quantity);
      node.getStatus().getAllocatable().put("pods", quantity);
      return node;
    });
  }
}
