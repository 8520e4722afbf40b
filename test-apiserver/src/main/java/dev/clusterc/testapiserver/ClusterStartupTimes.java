package dev.clusterc.testapiserver;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a {@link TestCluster} took to start, by phase: the build scripts (memoised per JVM),
 * certificates + etcd + kube-apiserver until {@code /readyz}, then the controllers and kwok until
 * the node is Ready and the {@code default} ServiceAccount exists.
 */
public record ClusterStartupTimes(Duration binaries, Duration apiServer, Duration controllers) {

  public Duration total() {
    return binaries.plus(apiServer).plus(controllers);
  }

  /** One line for the test log. */
  String describe(String url, Object logs) {
    return String.format(Locale.ROOT, "test-cluster: ready at %s in %.1f s (binaries %.1f s, "
            + "etcd + kube-apiserver %.1f s, controllers + kwok until node Ready %.1f s); logs %s",
        url, seconds(total()), seconds(binaries), seconds(apiServer), seconds(controllers), logs);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
