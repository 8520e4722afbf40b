package dev.clusterc.cli.watch;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A source the test feeds: each offered snapshot (or failure) is what one {@code next} returns (or throws). */
final class FakeSource implements Source {
  private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
  final AtomicInteger polls = new AtomicInteger();
  volatile boolean closed;
  /** What {@link #unchanged} says; by default every snapshot stays as it was. */
  volatile Predicate<Snapshot> unchanged = snapshot -> true;

  void offer(Snapshot snapshot) {
    items.add(snapshot);
  }

  void fail(SourceUnavailable failure) {
    items.add(failure);
  }

  @Override
  public Optional<Snapshot> next(Duration timeout) throws InterruptedException, SourceUnavailable {
    Object item = items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (item instanceof SourceUnavailable failure) {
      throw failure;
    }
    return Optional.ofNullable((Snapshot) item);
  }

  @Override
  public boolean unchanged(Snapshot snapshot) {
    return unchanged.test(snapshot);
  }

  @Override
  public void pollNow() {
    polls.incrementAndGet();
  }

  @Override
  public String origin() {
    return "fake";
  }

  @Override
  public void close() {
    closed = true;
  }
}
