package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

class ListenerCheckerTest {
  private static final Checker CHECKER = new ListenerChecker();

  private static String gateway(String listeners) {
    return CheckFixture.BASE + """
        use cilium
        use cert-manager
        pool lb { range 10.0.0.200..10.0.0.220; via cilium }
        secret token { sops "t.yaml"; keys ["t"] }
        issuer le { email "a@example.org"; solver dns01 cloudflare token token }
        certificate wild { hosts ["*.example.org"]; issuer le }
        gateway web {
          address 10.0.0.201
          class   cilium
        """ + listeners + "}\n";
  }

  @Test
  void twoListenersTakingEveryHostOnOnePortConflict() {
    assertEquals("""
        18:3: error[port-conflict]: listener `web` of gateway web is on port 80 and takes every host, as `http` does
          hint: give one of them another port, or distinct hostnames
          note 17:3: listener `http` is on port 80""",
        detailed(CHECKER, gateway("  listener http {}\n  listener web { protocol http }\n")));
  }

  @Test
  void twoProtocolsOnOnePortConflict() {
    assertEquals("18:3: error[port-conflict]: listener `tls` of gateway web is on port 80 and speaks https where `http` speaks http",
        run(CHECKER, gateway("  listener http {}\n  listener tls { protocol https; port 80; certificate wild }\n")));
  }

  @Test
  void distinctHostnamesShareAPort() {
    assertEquals("", run(CHECKER, gateway(
        "  listener a { protocol https; hostname \"a.example.org\"; certificate wild }\n"
            + "  listener b { protocol https; hostname \"b.example.org\"; certificate wild }\n")));
  }

  @Test
  void httpAndHttpsDefaultToDifferentPorts() {
    assertEquals("", run(CHECKER, gateway("  listener http {}\n  listener https { certificate wild }\n")));
  }
}
