package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.model.ObjectId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each object may be healed, so that a controller or webhook that rewrites a field does
 * not make clusterc write in a loop. Heals follow each other into a burst while each comes within
 * the policy's window of the one before; the first {@code attempts} heals of a burst go at once,
 * each later one waits from the heal before it: {@code firstBackOff}, then twice that, up to
 * {@code maxBackOff}. Once an object stayed healed for the window after its last wait, the burst is over.
 * Not thread-safe: the heal loop asks it from one thread.
 */
public final class HealBudget {
  /** Whether a heal may go now. */
  public sealed interface Decision {
    /** Heal now. */
    record Heal() implements Decision {}

    /** Heal not before {@code retryIn}; {@code attempts} heals were made in this burst. */
    record Wait(Duration retryIn, int attempts) implements Decision {}
  }

  private record Burst(int heals, Instant last) {}

  private final SelfHeal.HealPolicy policy;
  private final InstantSource clock;
  private final Map<ObjectId, Burst> bursts = new HashMap<>();

  public HealBudget(SelfHeal.HealPolicy policy, InstantSource clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Whether {@code id} may be healed now, or how long it must wait. */
  public Decision decide(ObjectId id) {
    Burst burst = current(id);
    if (burst == null || burst.heals() < policy.attempts()) {
      return new Decision.Heal();
    }
    Duration waited = Duration.between(burst.last(), clock.instant());
    Duration wait = delay(burst.heals());
    return waited.compareTo(wait) >= 0 ? new Decision.Heal() : new Decision.Wait(wait.minus(waited), burst.heals());
  }

  /** Records a heal of {@code id} made now (or an attempt at one). */
  public void healed(ObjectId id) {
    Burst burst = current(id);
    bursts.put(id, new Burst(burst == null ? 1 : burst.heals() + 1, clock.instant()));
  }

  /** Forgets {@code id} (no longer managed). */
  public void forget(ObjectId id) {
    bursts.remove(id);
  }

  /** How many heals {@code id}'s current burst holds; 0 when it has none. */
  public int attempts(ObjectId id) {
    Burst burst = current(id);
    return burst == null ? 0 : burst.heals();
  }

  /** The burst of {@code id}, or null once it is over (dropped then). */
  private Burst current(ObjectId id) {
    Burst burst = bursts.get(id);
    if (burst == null) {
      return null;
    }
    Duration quiet = policy.window().plus(burst.heals() < policy.attempts() ? Duration.ZERO : delay(burst.heals()));
    if (Duration.between(burst.last(), clock.instant()).compareTo(quiet) >= 0) {
      bursts.remove(id);
      return null;
    }
    return burst;
  }

  /** The wait before the next heal of a burst that holds {@code heals} (at least the attempts). */
  private Duration delay(int heals) {
    Duration delay = policy.firstBackOff();
    for (int i = policy.attempts(); i < heals && delay.compareTo(policy.maxBackOff()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(policy.maxBackOff()) > 0 ? policy.maxBackOff() : delay;
  }
}
