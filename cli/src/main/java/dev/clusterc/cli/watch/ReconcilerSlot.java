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
  }

  private final Supplier<Running> factory;
  private Running current;
  private Desired lastGood;

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
    };
  }

  /** Starts reconciling (this process runs alone, or started leading): a new reconciler, fed the last good revision. */
  public synchronized void open() {
    if (current != null) {
      return;
    }
    current = factory.get();
    current.start();
    if (lastGood != null) {
      current.submit(lastGood);
    }
  }

  /** Stops reconciling (leadership lost, or shutting down): the object in flight is finished, then nothing more. */
  @Override
  public void close() {
    Running closing;
    synchronized (this) {
      closing = current;
      current = null;
    }
    if (closing != null) {
      closing.close();
    }
  }

  @Override
  public synchronized void submit(Desired desired) {
    lastGood = desired;
    if (current != null) {
      current.submit(desired);
    }
  }

  @Override
  public synchronized void reject(String revision, String origin, List<String> diagnostics) {
    if (current != null) {
      current.reject(revision, origin, diagnostics);
    }
  }

  /** Whether a reconciler runs here now. */
  public synchronized boolean active() {
    return current != null;
  }

  /** The running reconciler's status; empty on standby. */
  public synchronized Optional<WatchStatus> status() {
    return current == null ? Optional.empty() : Optional.of(current.status());
  }

  /** The last revision that compiled, handed to every new reconciler; empty before the first. */
  public synchronized Optional<Desired> lastGood() {
    return Optional.ofNullable(lastGood);
  }
}
