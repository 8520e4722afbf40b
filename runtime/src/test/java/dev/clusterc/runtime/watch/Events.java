package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A listener that keeps what it hears, and waits (polling, with a deadline) for an event to come. */
final class Events implements WatchListener {
  final List<WatchEvent> seen = new CopyOnWriteArrayList<>();

  @Override
  public void on(WatchEvent event) {
    seen.add(event);
  }

  <T extends WatchEvent> List<T> of(Class<T> type) {
    return seen.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The first event of {@code type} matching {@code test}, waiting up to {@code timeout} for it. */
  <T extends WatchEvent> T await(Class<T> type, Predicate<T> test, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (T event : of(type)) {
        if (test.test(event)) {
          return event;
        }
      }
      pause(50);
    }
    List<WatchEvent> last = seen.subList(Math.max(0, seen.size() - 8), seen.size());
    return fail("no " + type.getSimpleName() + " as expected within " + timeout + "; heard " + seen.size()
        + " events, the last " + last);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
