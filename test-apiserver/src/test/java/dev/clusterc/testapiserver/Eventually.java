package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Polls a condition on the cluster until it holds. The bound is only there so a broken cluster
 * fails the test instead of hanging it; no test asserts how long anything took.
 */
final class Eventually {

  private static final Duration BOUND = Duration.ofMinutes(3);

  private Eventually() {}

  /** Returns once {@code condition} is true; fails with {@code state}'s last answer otherwise. */
  static void holds(String what, Supplier<Boolean> condition, Supplier<Object> state) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (true) {
      try {
        if (Boolean.TRUE.equals(condition.get())) {
          return;
        }
      } catch (KubernetesClientException e) {
        // e.g. not there yet; asked again
      }
      if (System.nanoTime() > deadline) {
        fail(what + " never happened; last state: " + state.get());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting until " + what);
      }
    }
  }
}
