package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.model.ObjectId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each object may be healed, so that a controller or webhook that rewrites a field does
 * not make clusterc write in a loop.
 *
 * <p>A fast fighter: heals follow each other into a burst while each comes within the policy's window
 * of the one before; the first {@code attempts} heals of a burst go at once, each later one waits
 * from the heal before it: {@code firstBackOff}, then twice that, up to {@code maxBackOff}. Once an
 * object stayed healed for the window after its last wait, the burst is over.
 *
 * <p>A slow fighter (one that rewrites the field every few minutes, slower than the window) starts a
 * new burst each time. So bursts are counted too: when {@code attempts} bursts began within the
 * policy's {@code horizon}, the next one waits until the oldest of them is older than the horizon; at
 * most {@code attempts} of them begin per horizon (3 an hour by default).
 *
 * <p>Not thread-safe: the heal loop asks it from one thread.
 */
public final class HealBudget {
  /** Whether a heal may go now. */
  public sealed interface Decision {
    /** Heal now. */
    record Heal() implements Decision {}

    /**
     * Heal not before {@code retryIn}; {@code attempts} heals were made in this burst, or, for a
     * slow fighter, this many bursts began within the horizon.
     */
    record Wait(Duration retryIn, int attempts) implements Decision {}
  }

  private record Burst(int heals, Instant last) {}

  /** One object's current burst (null when none) and when its recent bursts began, oldest first. */
  private static final class History {
    Burst burst;
    final Deque<Instant> starts = new ArrayDeque<>();
  }

  private final SelfHeal.HealPolicy policy;
  private final InstantSource clock;
  private final Map<ObjectId, History> histories = new HashMap<>();

  public HealBudget(SelfHeal.HealPolicy policy, InstantSource clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Whether {@code id} may be healed now, or how long it must wait. */
  public Decision decide(ObjectId id) {
    History history = current(id);
    if (history == null) {
      return new Decision.Heal();
    }
    Instant now = clock.instant();
    Burst burst = history.burst;
    if (burst != null) {
      if (burst.heals() < policy.attempts()) {
        return new Decision.Heal();
      }
      Duration waited = Duration.between(burst.last(), now);
      Duration wait = delay(burst.heals());
      return waited.compareTo(wait) >= 0 ? new Decision.Heal() : new Decision.Wait(wait.minus(waited), burst.heals());
    }
    if (history.starts.size() >= policy.attempts()) {
      Instant allowed = history.starts.peekFirst().plus(policy.horizon());
      if (now.isBefore(allowed)) {
        return new Decision.Wait(Duration.between(now, allowed), history.starts.size());
      }
    }
    return new Decision.Heal();
  }

  /** Records a heal of {@code id} made now; one the API server refused is not one (it backs off as a failure). */
  public void healed(ObjectId id) {
    History history = current(id);
    if (history == null) {
      history = new History();
      histories.put(id, history);
    }
    Instant now = clock.instant();
    if (history.burst == null) {
      history.starts.addLast(now);
      while (history.starts.size() > policy.attempts()) {
        history.starts.removeFirst(); // only the last few decide
      }
      history.burst = new Burst(1, now);
    } else {
      history.burst = new Burst(history.burst.heals() + 1, now);
    }
  }

  /** Forgets {@code id} (no longer managed). */
  public void forget(ObjectId id) {
    histories.remove(id);
  }

  /** The history of {@code id} with an ended burst and bursts older than the horizon dropped; null when empty. */
  private History current(ObjectId id) {
    History history = histories.get(id);
    if (history == null) {
      return null;
    }
    Instant now = clock.instant();
    Burst burst = history.burst;
    if (burst != null) {
      Duration quiet = policy.window().plus(burst.heals() < policy.attempts() ? Duration.ZERO : delay(burst.heals()));
      if (Duration.between(burst.last(), now).compareTo(quiet) >= 0) {
        history.burst = null;
      }
    }
    while (!history.starts.isEmpty() && !history.starts.peekFirst().plus(policy.horizon()).isAfter(now)) {
      history.starts.removeFirst();
    }
    if (history.burst == null && history.starts.isEmpty()) {
      histories.remove(id);
      return null;
    }
    return history;
  }

  /** The wait before the next heal of a burst that holds {@code heals} (at least the attempts). */
  private Duration delay(int heals) {
    return RetryBackOff.delay(policy.firstBackOff(), heals - policy.attempts() + 1, policy.maxBackOff());
  }
}
