package dev.clusterc.testapiserver;

import java.net.URL;
import java.time.Duration;
import java.util.Locale;

/**
 * How long a {@link TestApiServer} took to start, by phase: build.sh (memoised per JVM), etcd +
 * kube-apiserver until ready, applying the CRDs, waiting until they are Established and
 * discoverable.
 */
public record StartupTimes(Duration binaries, Duration server, Duration crdsApplied,
    Duration crdsEstablished) {

  public Duration total() {
    return binaries.plus(server).plus(crdsApplied).plus(crdsEstablished);
  }

  /** One line for the test log. */
  String describe(String version, URL url, int crds) {
    return String.format(Locale.ROOT, "test-apiserver: kube-apiserver %s ready at %s in %.1f s "
            + "(binaries %.1f s, etcd + kube-apiserver %.1f s, %d CRDs applied %.1f s, "
            + "Established %.1f s)", version, url, seconds(total()), seconds(binaries),
        seconds(server), crds, seconds(crdsApplied), seconds(crdsEstablished));
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
