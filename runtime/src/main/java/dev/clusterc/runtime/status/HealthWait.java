package dev.clusterc.runtime.status;

import dev.clusterc.runtime.events.RunEvent.Waiting;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Waits on a live cluster until every gating object is {@link Status#CURRENT}: what lets a unit's
 * dependents start. Polls: each round reads every object not yet Current (one GET each) and stops
 * reading an object once it is; it ends at the first Failed object (fail fast), when all are
 * Current, or when the timeout passes, naming whatever is still pending and why. Missing objects
 * (NotFound), Terminating and Unknown ones are pending, not failed: they may yet appear or recover.
 *
 * <p>Not thread-safe: one wait at a time per instance.
 */
public final class HealthWait {
  private final StatusReader reader;
  private final Clock clock;
  private final PollInterval interval;

  /** A wait on {@code client}'s cluster, with the system clock and {@link PollInterval#DEFAULT}. */
  public HealthWait(KubernetesClient client) {
    this(client, new ServedKinds(client));
  }

  /** As {@link #HealthWait(KubernetesClient)}, sharing what discovery found with other waits. */
  public HealthWait(KubernetesClient client, ServedKinds kinds) {
    this(client, kinds, Clock.systemUTC(), PollInterval.DEFAULT);
  }

  /** A wait on {@code client}'s cluster measuring time with {@code clock}, polling at {@code interval}. */
  public HealthWait(KubernetesClient client, Clock clock, PollInterval interval) {
    this(client, new ServedKinds(client), clock, interval);
  }

  private HealthWait(KubernetesClient client, ServedKinds kinds, Clock clock, PollInterval interval) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.reader = new StatusReader(Objects.requireNonNull(client, "client"), kinds, clock);
  }

  /**
   * Waits until every object of {@code gates} (desired objects: their apiVersion, kind, namespace
   * and name say which live object to read) is Current, one is Failed, or {@code timeout} passed.
   *
   * @param onPending told the objects still pending, sorted, each time that list or a reason in it
   *     changes (not when nothing is pending); called on this thread
   * @throws InterruptedException when the thread is interrupted (Ctrl-C); promptly, also mid-sleep
   */
  public HealthResult await(List<GenericKubernetesResource> gates, Duration timeout,
      Consumer<List<Waiting>> onPending) throws InterruptedException {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    Map<ObjectId, GenericKubernetesResource> pending = new TreeMap<>();
    for (GenericKubernetesResource gate : gates) {
      pending.put(ObjectId.of(gate), gate);
    }
    List<Waiting> reported = List.of();
    Duration sleep = interval.first();
    while (true) {
      List<Waiting> waiting = new ArrayList<>();
      for (Iterator<Map.Entry<ObjectId, GenericKubernetesResource>> it = pending.entrySet().iterator(); it.hasNext(); ) {
        if (Thread.interrupted()) {
          throw new InterruptedException("stopped while waiting for health");
        }
        var entry = it.next();
        StatusResult status = reader.read(entry.getValue());
        switch (status.status()) {
          case CURRENT -> it.remove();
          case FAILED -> {
            return new HealthResult.Failed(entry.getKey(), status.message(), since(start));
          }
          default -> waiting.add(new Waiting(entry.getKey(), status.status().text(), status.message()));
        }
      }
      if (waiting.isEmpty()) {
        return new HealthResult.Ready(since(start));
      }
      if (!waiting.equals(reported)) {
        reported = List.copyOf(waiting);
        if (onPending != null) {
          onPending.accept(reported);
        }
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return new HealthResult.TimedOut(waiting, since(start));
      }
      Thread.sleep(Math.max(1, (sleep.compareTo(left) < 0 ? sleep : left).toMillis()));
      sleep = interval.after(sleep);
    }
  }

  private Duration since(Instant start) {
    return Duration.between(start, clock.instant());
  }
}
