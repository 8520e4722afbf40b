package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterc.runtime.watch.Desired;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A sink that records what the loop hands it, with waits that poll until a deadline. */
final class RecordingSink implements RevisionSink {
  record Rejection(String revision, String origin, List<String> diagnostics) {}

  final List<Desired> submitted = new CopyOnWriteArrayList<>();
  final List<Rejection> rejected = new CopyOnWriteArrayList<>();

  @Override
  public void submit(Desired desired) {
    submitted.add(desired);
  }

  @Override
  public void reject(String revision, String origin, List<String> diagnostics) {
    rejected.add(new Rejection(revision, origin, diagnostics));
  }

  Desired awaitSubmitted(int count) {
    await(() -> submitted.size() >= count, () -> count + " submitted, have " + submitted.size() + "; rejected " + rejected);
    return submitted.get(count - 1);
  }

  Rejection awaitRejected(int count) {
    await(() -> rejected.size() >= count, () -> count + " rejected, have " + rejected.size());
    return rejected.get(count - 1);
  }

  /** Polls {@code condition} until it holds, failing after 60 s (a deadline, not a speed claim). */
  static void await(Supplier<Boolean> condition, Supplier<String> what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.get()) {
      if (Instant.now().isAfter(deadline)) {
        fail("waited 60 s for " + what.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }
}
