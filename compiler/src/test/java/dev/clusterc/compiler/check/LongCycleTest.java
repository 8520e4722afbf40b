package dev.clusterc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dependency cycle through tens of thousands of apps is found without overflowing the stack, and reported once. */
class LongCycleTest {
  @Test
  void aRingOfThirtyThousandAppsIsOneCycle() {
    int n = 30_000;
    StringBuilder text = new StringBuilder(CheckFixture.BASE);
    for (int i = 0; i < n; i++) {
      text.append("app a").append(i).append(" { image \"ghcr.io/x/a:1.0\"; depends-on [a").append((i + 1) % n).append("] }\n");
    }
    List<Diagnostic> cycles = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CheckFixture.program(text.toString()))
        .diagnostics().stream().filter(d -> d.code() == Code.DEPENDENCY_CYCLE).toList();
    assertEquals(1, cycles.size());
    assertEquals(Diagnostic.MAX_RELATED, cycles.get(0).related().size());
    String message = cycles.get(0).message();
    assertTrue(message.startsWith("dependency cycle: app a0 → app a1 → app a2 → "), () -> message.substring(0, 60));
    assertTrue(message.endsWith(" → app a29999 → app a0"), () -> message.substring(message.length() - 60));
  }
}
