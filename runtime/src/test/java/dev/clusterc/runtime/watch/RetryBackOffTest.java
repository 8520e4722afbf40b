package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackOffTest {

  @Test
  void startsAtOneTickAndDoublesUpToFiveMinutes() {
    Duration tick = Duration.ofSeconds(30);
    assertEquals(Duration.ofSeconds(30), RetryBackOff.after(tick, 1));
    assertEquals(Duration.ofSeconds(60), RetryBackOff.after(tick, 2));
    assertEquals(Duration.ofSeconds(120), RetryBackOff.after(tick, 3));
    assertEquals(Duration.ofSeconds(240), RetryBackOff.after(tick, 4));
    assertEquals(Duration.ofMinutes(5), RetryBackOff.after(tick, 5));
    assertEquals(Duration.ofMinutes(5), RetryBackOff.after(tick, 1_000));
  }

  @Test
  void aTickLongerThanTheCapIsKept() {
    assertEquals(Duration.ofMinutes(10), RetryBackOff.after(Duration.ofMinutes(10), 3));
  }
}
