package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackOffTest {

  @Test
  void startsAtTheFirstWaitAndDoublesUpToTheMaximum() {
    Duration tick = Duration.ofSeconds(30);
    assertEquals(Duration.ofSeconds(30), RetryBackOff.delay(tick, 1, RetryBackOff.MAX));
    assertEquals(Duration.ofSeconds(60), RetryBackOff.delay(tick, 2, RetryBackOff.MAX));
    assertEquals(Duration.ofSeconds(120), RetryBackOff.delay(tick, 3, RetryBackOff.MAX));
    assertEquals(Duration.ofSeconds(240), RetryBackOff.delay(tick, 4, RetryBackOff.MAX));
    assertEquals(Duration.ofMinutes(5), RetryBackOff.delay(tick, 5, RetryBackOff.MAX));
    assertEquals(Duration.ofMinutes(5), RetryBackOff.delay(tick, Integer.MAX_VALUE, RetryBackOff.MAX));
  }

  @Test
  void aFirstWaitLongerThanTheMaximumIsKept() {
    assertEquals(Duration.ofMinutes(10), RetryBackOff.delay(Duration.ofMinutes(10), 3, RetryBackOff.MAX));
  }

  @Test
  void anAttemptBelowOneIsTheFirstAndAHugeMaximumDoesNotOverflow() {
    assertEquals(Duration.ofSeconds(10), RetryBackOff.delay(Duration.ofSeconds(10), 0, Duration.ofMinutes(5)));
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
    assertEquals(huge, RetryBackOff.delay(Duration.ofSeconds(1), 1_000, huge));
    assertEquals(Duration.ofSeconds(1L << 40), RetryBackOff.delay(Duration.ofSeconds(1), 41, huge));
  }

  @Test
  void aNegativeFirstWaitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RetryBackOff.delay(Duration.ofSeconds(-1), 1, RetryBackOff.MAX));
  }
}
