package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Records a reconciler's watch and run events, and waits for conditions with a deadline. */
final class WatchRecorder implements WatchListener, RunListener {
  static final Duration DEADLINE = Duration.ofSeconds(60);

  final List<WatchEvent> watch = new CopyOnWriteArrayList<>();
  final List<RunEvent> runs = new CopyOnWriteArrayList<>();

  @Override
  public void on(WatchEvent event) {
    watch.add(event);
  }

  @Override
  public void on(RunEvent event) {
    runs.add(event);
  }

  <T extends WatchEvent> List<T> of(Class<T> type) {
    return watch.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The first Reconciled event of {@code revision} that matches, waiting for it. */
  WatchEvent.Reconciled reconciled(String revision, Predicate<WatchEvent.Reconciled> matching) {
    await(() -> of(WatchEvent.Reconciled.class).stream().anyMatch(r -> r.revision().equals(revision)
        && matching.test(r)), "a Reconciled event of " + revision);
    return of(WatchEvent.Reconciled.class).stream().filter(r -> r.revision().equals(revision) && matching.test(r))
        .findFirst().orElseThrow();
  }

  /** Polls {@code condition} until it holds or {@link #DEADLINE} passes (then fails, saying what was seen). */
  void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what + "; events: " + watch);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
