package dev.clusterc.cli.bench;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.watch.WatchEvent;
import dev.clusterc.runtime.watch.WatchListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What a watching reconciler reported during the watch bench, in order and with when it was heard
 * ({@link System#nanoTime()}), so a phase can wait for an event and look at the ones since a point;
 * and the objects its runs wrote.
 */
final class WatchRecorder implements WatchListener, RunListener {
  /** One event and when it was heard. */
  record Heard(WatchEvent event, long at) {}

  private final List<Heard> heard = new ArrayList<>();
  private final AtomicLong objectWrites = new AtomicLong();

  @Override
  public synchronized void on(WatchEvent event) {
    heard.add(new Heard(event, System.nanoTime()));
    notifyAll();
  }

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.ObjectDone e && e.change().writes()) {
      objectWrites.incrementAndGet();
    }
  }

  /** Objects written by the reconciler's runs so far (created, configured, re-created, pruned); not heals. */
  long objectWrites() {
    return objectWrites.get();
  }

  /** A mark: the events heard so far; {@link #since} and {@link #await} look after it. */
  synchronized int mark() {
    return heard.size();
  }

  /** The events heard after {@code mark}. */
  synchronized List<Heard> since(int mark) {
    return List.copyOf(heard.subList(mark, heard.size()));
  }

  /** Waits at most {@code timeout} for an event after {@code mark} that {@code wanted} accepts. */
  synchronized Optional<Heard> await(int mark, Predicate<WatchEvent> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int next = mark;
    while (true) {
      for (; next < heard.size(); next++) {
        if (wanted.test(heard.get(next).event())) {
          return Optional.of(heard.get(next));
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
