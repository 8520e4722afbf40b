package dev.clusterc.cli.watch;

import dev.clusterc.runtime.watch.Desired;
import dev.clusterc.runtime.watch.Reconciler;
import dev.clusterc.runtime.watch.WatchStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reconciler while this process reconciles: always, or only while it leads (leader election).
 * The loop reads the source either way; the slot keeps the last good revision, so a reconciler made
 * when leadership starts begins from it at once. On standby nothing is applied, and a rejection is
 * only logged (the leader posts its Event).
 */
public final class ReconcilerSlot implements RevisionSink, AutoCloseable {
  /** What the slot needs of a reconciler: the runtime's {@link Reconciler} ({@link #of}), or a test's fake. */
  public interface Running extends RevisionSink, AutoCloseable {
    void start();

    WatchStatus status();

    @Override
    void close();

    /** After {@link #close()}: whether its thread ended, so that nothing of it writes any more. */
    default boolean stoppedCleanly() {
      return true;
    }
  }

  private final Supplier<Running> factory;
  /**
   * Held while a reconciler is made or closed: an {@link #open()} during a {@link #close()} waits until
   * the old reconciler has finished its object in flight, so two never write at once.
   */
  private final Object handOver = new Object();
  private Running current;
  private Desired lastGood;
  private boolean stillWriting;
  private boolean stopped;

  /** @param factory makes a reconciler, not yet started */
  public ReconcilerSlot(Supplier<Running> factory) {
    this.factory = factory;
  }

  /** The runtime's reconciler as the slot drives it. */
  public static Running of(Reconciler reconciler) {
    return new Running() {
      @Override
      public void start() {
        reconciler.start();
      }

      @Override
      public void submit(Desired desired) {
        reconciler.submit(desired);
      }

      @Override
      public void reject(String revision, String origin, List<String> diagnostics) {
        reconciler.reject(revision, origin, diagnostics);
      }

      @Override
      public WatchStatus status() {
        return reconciler.status();
      }

      @Override
      public void close() {
        reconciler.close();
      }

      @Override
      public boolean stoppedCleanly() {
        return reconciler.stoppedCleanly();
      }
    };
  }

  /**
   * Starts reconciling (this process runs alone, or started leading): a new reconciler, fed the last
   * good revision. While the reconciler before is still closing, waits for it first; after
   * {@link #stop()}, does nothing.
   */
  public void open() {
    synchronized (handOver) {
      synchronized (this) {
        if (current != null || stopped) {
          return;
        }
        current = factory.get();
        current.start();
        if (lastGood != null) {
          current.submit(lastGood);
        }
      }
    }
  }

  /**
   * Stops reconciling (leadership lost, or shutting down): the object in flight is finished, then
   * nothing more. Returns once the reconciler has closed, also when another thread began closing it.
   */
  @Override
  public void close() {
    synchronized (handOver) {
      Running closing;
      synchronized (this) {
        closing = current;
        current = null;
      }
      if (closing != null) {
        closing.close();
        if (!closing.stoppedCleanly()) {
          stillWriting = true;
        }
      }
    }
  }

  /**
   * Whether every reconciler closed so far stopped for good; false when one's thread outlived its close
   * wait (it may still write), when the lease must not be handed on before the process ends.
   */
  public synchronized boolean stoppedCleanly() {
    return !stillWriting;
  }

  /**
   * Stops for good, from any thread, without waiting: nothing is submitted or opened any more, and the
   * running reconciler begins to close at once (on a thread of its own); {@link #close()} waits for it.
   */
  public void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    Thread closer = new Thread(this::close, "clusterc-reconciler-close");
    closer.setDaemon(true);
    closer.start();
  }

  @Override
  public synchronized void submit(Desired desired) {
    if (stopped) {
      return;
    }
    // The reconciler refuses a revision naming another cluster than the first; so does the slot, which
    // would otherwise hand it to the next reconciler it opens (after a lost and regained lease).
    if (lastGood == null || lastGood.graph().cluster().equals(desired.graph().cluster())) {
      lastGood = desired;
    }
    if (current != null) {
      current.submit(desired);
    }
  }

  @Override
  public synchronized void reject(String revision, String origin, List<String> diagnostics) {
    if (current != null && !stopped) {
      current.reject(revision, origin, diagnostics);
    }
  }

  /** Whether a reconciler runs here now. */
  synchronized boolean active() {
    return current != null;
  }

  /** The running reconciler's status; empty on standby. */
  public synchronized Optional<WatchStatus> status() {
    return current == null ? Optional.empty() : Optional.of(current.status());
  }

  /** The last revision that compiled, handed to every new reconciler; empty before the first. */
  synchronized Optional<Desired> lastGood() {
    return Optional.ofNullable(lastGood);
  }
}
