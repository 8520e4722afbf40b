package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.watch.HealBudget.Decision;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class HealBudgetTest {
  private static final ObjectId ID = new ObjectId("apps", "Deployment", "shop", "web");
  private static final ObjectId OTHER = new ObjectId("", "ConfigMap", "shop", "settings");

  /** A clock the test moves. */
  private static final class Clock implements InstantSource {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }
  }

  private final Clock clock = new Clock();
  private final HealBudget budget = new HealBudget(SelfHeal.HealPolicy.defaults(), clock);

  private void healNow(ObjectId id) {
    assertEquals(new Decision.Heal(), budget.decide(id));
    budget.healed(id);
  }

  @Test
  void theFirstAttemptsGoAtOnceThenTheBackOffDoubles() {
    healNow(ID);
    healNow(ID);
    healNow(ID);
    assertEquals(new Decision.Wait(Duration.ofSeconds(10), 3), budget.decide(ID));
    clock.advance(Duration.ofSeconds(4));
    assertEquals(new Decision.Wait(Duration.ofSeconds(6), 3), budget.decide(ID));
    clock.advance(Duration.ofSeconds(6));
    healNow(ID);
    assertEquals(new Decision.Wait(Duration.ofSeconds(20), 4), budget.decide(ID));
    clock.advance(Duration.ofSeconds(20));
    healNow(ID);
    assertEquals(new Decision.Wait(Duration.ofSeconds(40), 5), budget.decide(ID));
    assertEquals(new Decision.Heal(), budget.decide(OTHER), "each object has its own budget");
  }

  @Test
  void theBackOffStopsAtItsMaximum() {
    for (int i = 0; i < 3; i++) {
      healNow(ID);
    }
    Duration wait = Duration.ofSeconds(10);
    for (int i = 0; i < 8; i++) {
      clock.advance(wait);
      healNow(ID);
      wait = ((Decision.Wait) budget.decide(ID)).retryIn();
    }
    assertEquals(Duration.ofMinutes(5), wait);
  }

  @Test
  void anObjectStableForTheWindowStartsAfresh() {
    healNow(ID);
    healNow(ID);
    clock.advance(Duration.ofMinutes(2));
    healNow(ID); // a new burst: its first attempts go at once again
    healNow(ID);
    healNow(ID);
    assertEquals(new Decision.Wait(Duration.ofSeconds(10), 3), budget.decide(ID));
  }

  @Test
  void aFieldRewrittenEveryFewMinutesIsHealedAtMostAttemptsTimesAnHour() {
    healNow(ID);
    clock.advance(Duration.ofMinutes(5));
    healNow(ID); // each heal is a burst of its own: the window (2 min) passed in between
    clock.advance(Duration.ofMinutes(5));
    healNow(ID);
    clock.advance(Duration.ofMinutes(5));
    assertEquals(new Decision.Wait(Duration.ofMinutes(45), 3), budget.decide(ID), "the 4th burst within the hour");
    clock.advance(Duration.ofMinutes(44));
    assertEquals(new Decision.Wait(Duration.ofMinutes(1), 3), budget.decide(ID));
    clock.advance(Duration.ofMinutes(1));
    healNow(ID);
    clock.advance(Duration.ofMinutes(5));
    healNow(ID);
    clock.advance(Duration.ofMinutes(5));
    healNow(ID);
    clock.advance(Duration.ofMinutes(5));
    assertEquals(new Decision.Wait(Duration.ofMinutes(45), 3), budget.decide(ID), "again after the next three");
    assertEquals(new Decision.Heal(), budget.decide(OTHER));
  }

  @Test
  void twoBurstsAnHourAreNotThrottled() {
    for (int hour = 0; hour < 3; hour++) {
      healNow(ID);
      clock.advance(Duration.ofMinutes(30));
    }
    healNow(ID);
  }

  @Test
  void aLongBackOffIsNotMistakenForStability() {
    SelfHeal.HealPolicy policy = new SelfHeal.HealPolicy(1, Duration.ofSeconds(30), Duration.ofMinutes(1),
        Duration.ofMinutes(4), Duration.ofMinutes(3));
    HealBudget slow = new HealBudget(policy, clock);
    slow.healed(ID);
    clock.advance(Duration.ofSeconds(45)); // past the window, inside the back-off
    assertEquals(new Decision.Wait(Duration.ofSeconds(15), 1), slow.decide(ID));
    clock.advance(Duration.ofSeconds(15));
    assertEquals(new Decision.Heal(), slow.decide(ID));
    slow.healed(ID);
    assertEquals(new Decision.Wait(Duration.ofMinutes(2), 2), slow.decide(ID));
    clock.advance(Duration.ofMinutes(2).plus(Duration.ofSeconds(30)));
    assertEquals(new Decision.Heal(), slow.decide(ID), "quiet for the window after its back-off: afresh");
  }

  @Test
  void forgettingAnObjectDropsItsBurst() {
    healNow(ID);
    healNow(ID);
    healNow(ID);
    budget.forget(ID);
    assertEquals(new Decision.Heal(), budget.decide(ID));
  }
}
