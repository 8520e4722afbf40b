package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shutdown hook of a watch, driven by hand (nothing installed, the halt recorded). */
class GracefulStopTest {
  @Test
  void aSignalAsksTheWatchToStopWaitsForItThenEndsWithZero() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    AtomicInteger halted = new AtomicInteger(-1);
    GracefulStop stop = new GracefulStop(asked::countDown, halted::set, Duration.ofMinutes(1), false);
    Thread hook = new Thread(stop::signalled);
    hook.start();
    assertTrue(asked.await(10, TimeUnit.SECONDS), "the watch was asked to stop");
    assertTrue(stop.requested());
    assertEquals(-1, halted.get(), "no halt before the watch has shut down");
    stop.close();
    hook.join(10_000);
    assertFalse(hook.isAlive());
    assertEquals(0, halted.get());
  }

  @Test
  void aShutdownThatOutlastsTheGraceLeavesTheStatusToTheJvm() throws Exception {
    AtomicInteger halted = new AtomicInteger(-1);
    GracefulStop stop = new GracefulStop(() -> {}, halted::set, Duration.ofMillis(50), false);
    stop.signalled();
    assertEquals(-1, halted.get());
  }

  @Test
  void withoutASignalClosingHaltsNothing() {
    AtomicInteger halted = new AtomicInteger(-1);
    GracefulStop stop = new GracefulStop(() -> {}, halted::set, Duration.ofMinutes(1), false);
    stop.close();
    assertFalse(stop.requested());
    assertEquals(-1, halted.get());
  }
}
