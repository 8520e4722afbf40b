package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A leader whose API server goes away stops leading once it cannot renew (so two never apply at
 * once), and campaigns again by itself: once the API server is back it leads again.
 */
@WithTestCluster
class LeadershipRestartClusterTest {
  static TestCluster cluster;

  @Test
  void aLeaderThatCannotRenewStepsDownAndLeadsAgainWhenTheServerIsBack() {
    cluster.createNamespace("election-restart");
    List<WatchEvent> events = new CopyOnWriteArrayList<>();
    try (Leadership only = new Leadership(cluster.client(), "election-restart", "clusterc-lab", "only", () -> { }, () -> { },
        events::add)) {
      only.start();
      await("it leads", only::leading, Duration.ofSeconds(30));
      cluster.stopApiServer();
      try {
        // renewals fail from now on: it must step down after the renew deadline (the margin is for a slow machine)
        await("it steps down", () -> !only.leading(), Leadership.RENEW_DEADLINE.plus(Duration.ofSeconds(30)));
      } finally {
        cluster.startApiServer();
      }
      await("it leads again", only::leading, Leadership.LEASE_DURATION.plus(Duration.ofSeconds(30)));
    }
    // close() returns once the last stop is reported
    assertTrue(events.equals(List.of(new WatchEvent.Leadership(true, "only"), new WatchEvent.Leadership(false, "only"),
        new WatchEvent.Leadership(true, "only"), new WatchEvent.Leadership(false, "only"))), events.toString());
  }

  private static void await(String what, BooleanSupplier condition, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + deadline + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
