package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling it until a deadline: a bound on how long a test may hang, never a speed claim. */
final class Await {
  /** Long enough for a rollout, a failover or a retry after a tick on a busy machine. */
  static final Duration DEADLINE = Duration.ofSeconds(120);

  private Await() {}

  /** Polls {@code condition} until it holds; fails after {@link #DEADLINE} with {@code what}. */
  static void until(String what, BooleanSupplier condition) {
    until(() -> what, condition);
  }

  static void until(Supplier<String> what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!holds(condition)) {
      if (System.nanoTime() - deadline > 0) {
        fail("waited " + DEADLINE.toSeconds() + " s for " + what.get());
      }
      pause(100);
    }
  }

  /** A condition that throws (the API server away a moment) does not hold yet. */
  private static boolean holds(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }
}
