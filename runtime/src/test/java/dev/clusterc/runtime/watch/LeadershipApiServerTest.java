package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Two and three candidates for one Lease on a real kube-apiserver: one leads, a standby takes over. */
@WithTestApiServer(crds = false)
class LeadershipApiServerTest {
  static KubernetesClient client;

  /** Long enough for an election round or two on a busy machine; never a measure of speed. */
  private static final Duration SETTLE = Duration.ofSeconds(30);

  @Test
  void oneOfTwoLeadsAndTheOtherTakesOverWhenItLeaves() {
    String namespace = namespace("election-two");
    List<WatchEvent> events = new CopyOnWriteArrayList<>();
    AtomicInteger starts = new AtomicInteger();
    AtomicInteger stops = new AtomicInteger();
    Leadership a = new Leadership(client, namespace, "clusterc-lab", "a", starts::incrementAndGet, stops::incrementAndGet,
        events::add);
    Leadership b = new Leadership(client, namespace, "clusterc-lab", "b", starts::incrementAndGet, stops::incrementAndGet,
        events::add);
    try {
      a.start();
      b.start();
      await("one of a and b leads", () -> a.leading() || b.leading(), SETTLE);
      assertTrue(a.leading() ^ b.leading(), "exactly one leads");
      Leadership leader = a.leading() ? a : b;
      Leadership standby = leader == a ? b : a;
      String leaderName = leader == a ? "a" : "b";
      assertEquals(leaderName, holder(namespace));
      await("onStart ran", () -> starts.get() == 1, SETTLE);
      stableFor(() -> !standby.leading(), Leadership.RETRY_PERIOD.multipliedBy(2), "the standby stays standby");

      leader.close();
      assertFalse(leader.leading());
      assertEquals(1, stops.get(), "the leader stopped leading once, before close returned");
      // released on close: the standby takes over well within a lease duration (the margin is for a slow machine)
      await("the standby takes over", standby::leading, Leadership.LEASE_DURATION.plus(Duration.ofSeconds(10)));
      assertEquals(leader == a ? "b" : "a", holder(namespace));
      assertTrue(events.contains(new WatchEvent.Leadership(true, leaderName)));
      assertTrue(events.contains(new WatchEvent.Leadership(false, leaderName)));
      await("the standby reports leading", () -> events.contains(new WatchEvent.Leadership(true, leader == a ? "b" : "a")),
          SETTLE);
      assertEquals(2, starts.get());
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void aThirdCandidateJoiningWhileOneLeadsStaysStandby() {
    String namespace = namespace("election-three");
    List<Leadership> candidates = new ArrayList<>();
    try {
      Leadership first = new Leadership(client, namespace, "clusterc-lab", "first", () -> { }, () -> { }, WatchListener.NONE);
      candidates.add(first);
      first.start();
      await("the first candidate leads", first::leading, SETTLE);
      Leadership second = new Leadership(client, namespace, "clusterc-lab", "second", () -> { }, () -> { }, WatchListener.NONE);
      Leadership third = new Leadership(client, namespace, "clusterc-lab", "third", () -> { }, () -> { }, WatchListener.NONE);
      candidates.add(second);
      candidates.add(third);
      second.start();
      third.start();
      stableFor(() -> first.leading() && !second.leading() && !third.leading(), Leadership.RETRY_PERIOD.multipliedBy(3),
          "the leader keeps leading, the others stand by");
      assertEquals("first", holder(namespace));
    } finally {
      candidates.forEach(Leadership::close);
    }
  }

  private static String namespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).serverSideApply();
    return name;
  }

  private static String holder(String namespace) {
    Lease lease = client.leases().inNamespace(namespace).withName("clusterc-lab").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static void await(String what, BooleanSupplier condition, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + deadline + ": " + what);
      }
      pause();
    }
  }

  /** {@code condition} holds throughout {@code period} (checked every 100 ms). */
  private static void stableFor(BooleanSupplier condition, Duration period, String what) {
    long end = System.nanoTime() + period.toNanos();
    while (System.nanoTime() < end) {
      assertTrue(condition.getAsBoolean(), what);
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
