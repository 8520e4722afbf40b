package dev.clusterc.cli.watch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * SIGTERM or Ctrl-C for a watching apply: a shutdown hook asks the watch to stop, waits until it has
 * shut down in order (source closed, the object in flight finished, the lease released, the last log
 * line written), then ends the process with status 0: a requested stop is the normal end of a
 * long-running reconciler. When the shutdown does not finish within {@link #GRACE}, the hook gives
 * up and the JVM ends with its own status for the signal (130 for SIGINT, 143 for SIGTERM).
 */
public final class GracefulStop implements AutoCloseable {
  /**
   * How long the shutdown may take: longer than the reconciler's own wait for the object in flight, so
   * that wait ends first and the process still exits 0. A pod's {@code terminationGracePeriodSeconds}
   * should allow it, with a few seconds more (75).
   */
  public static final Duration GRACE = Duration.ofSeconds(70);

  private final Runnable onSignal;
  private final IntConsumer halt;
  private final Duration grace;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook = new Thread(this::signalled, "clusterc-graceful-stop");
  private final boolean installed;
  private volatile boolean requested;

  GracefulStop(Runnable onSignal, IntConsumer halt, Duration grace, boolean install) {
    this.onSignal = onSignal;
    this.halt = halt;
    this.grace = grace;
    this.installed = install;
    if (install) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** Installs the hook: on a signal, {@code onSignal} runs (it asks the watch to stop), then the hook waits. */
  public static GracefulStop install(Runnable onSignal) {
    return new GracefulStop(onSignal, status -> Runtime.getRuntime().halt(status), GRACE, true);
  }

  /** Whether a signal asked for the stop. */
  boolean requested() {
    return requested;
  }

  /** What the hook does. */
  void signalled() {
    requested = true;
    onSignal.run();
    try {
      if (finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        halt.accept(0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The watch has shut down and written its last lines: the process may end (with 0 when a signal asked). */
  @Override
  public void close() {
    finished.countDown();
    if (installed && !requested) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waited for the countdown above
      }
    }
  }
}
