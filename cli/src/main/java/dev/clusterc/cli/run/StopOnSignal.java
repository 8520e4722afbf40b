package dev.clusterc.cli.run;

import dev.clusterc.runtime.kube.ObjectApplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during a run: a shutdown hook sets the run's stop flag, then holds the process until the
 * run has stopped between objects and printed what it applied (at most {@link #GRACE_SECONDS}), so
 * the closing lines are not lost to the exit. The grace covers a re-create in progress (its delete
 * wait, {@link ObjectApplier#DELETE_TIMEOUT}, then the create): a halt between its delete and its
 * create would lose the object.
 */
public final class StopOnSignal implements AutoCloseable {
  static final int GRACE_SECONDS = (int) ObjectApplier.DELETE_TIMEOUT.toSeconds() + 60;

  private final AtomicBoolean stop = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook = new Thread(this::signalled, "clusterc-stop");
  private final boolean installed;

  private StopOnSignal(boolean install) {
    this.installed = install;
    if (install) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** Installs the hook for one run. */
  public static StopOnSignal install() {
    return new StopOnSignal(true);
  }

  /** A flag nothing sets but the caller: for tests. */
  static StopOnSignal none() {
    return new StopOnSignal(false);
  }

  /** The flag the run checks between objects. */
  public AtomicBoolean flag() {
    return stop;
  }

  /** What the hook does on Ctrl-C: set the flag, then wait for the run to end. */
  void signalled() {
    stop.set(true);
    try {
      finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The run has ended and printed its last lines: the process may exit. */
  @Override
  public void close() {
    finished.countDown();
    if (installed) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waited for the countdown above
      }
    }
  }
}
