package dev.clusterc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

/** Listeners on one port are each reported once, against the first they conflict with: not per pair. */
class ManyListenersTest {
  private static final ListenerChecker CHECKER = new ListenerChecker();

  private static String gateway(String listeners) {
    return CheckFixture.BASE + "use cilium\npool lb { range 10.0.0.200..10.0.0.210; via cilium }\n"
        + "gateway g { address 10.0.0.200; class cilium\n" + listeners + "}\n";
  }

  @Test
  void manyListenersWithoutHostnamesOnOnePortAreOneErrorEach() {
    StringBuilder listeners = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      listeners.append("  listener l").append(i).append(" { protocol http; port 8080 }\n");
    }
    String found = CheckerHarness.run(CHECKER, gateway(listeners.toString()));
    assertEquals(499, found.lines().count());
    assertEquals("12:3: error[port-conflict]: listener `l1` of gateway g is on port 8080 and takes every host, as `l0` does",
        found.lines().findFirst().orElseThrow());
  }

  @Test
  void theEarliestConflictIsNamed() {
    String text = gateway("""
          listener a { protocol http; port 8080; hostname "a.example.org" }
          listener b { protocol http; port 8080; hostname "b.example.org" }
          listener c { protocol https; port 8080; hostname "c.example.org"; certificate nope }
          listener d { protocol http; port 8080; hostname "b.example.org" }
        """);
    assertEquals("""
        13:3: error[port-conflict]: listener `c` of gateway g is on port 8080 and speaks https where `a` speaks http
        14:3: error[port-conflict]: listener `d` of gateway g is on port 8080 and takes `b.example.org` as `b` does""",
        CheckerHarness.runBroken(CHECKER, text));
  }
}
