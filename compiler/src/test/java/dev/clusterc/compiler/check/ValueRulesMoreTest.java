package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.run;
import static dev.clusterc.compiler.check.CheckerHarness.runBroken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

/** Rules on listeners, database backups, port names and environment prefixes. */
class ValueRulesMoreTest {
  private static final Checker CHECKER = CheckerHarness.together(new GatewayListenersChecker(), new DatabaseArchiveChecker(),
      new PortNameChecker(), new EnvPrefixChecker());

  private static final String GATEWAY = CheckFixture.BASE + """
      use cilium
      use cert-manager
      pool lb { range 10.0.0.200..10.0.0.220; via cilium }
      secret token { sops "t.yaml"; keys ["t"] }
      issuer le { email "a@example.org"; solver dns01 cloudflare token token }
      certificate wild { hosts ["*.example.org"]; issuer le }
      """;

  @Test
  void aPlainHttpListenerServesNoCertificate() {
    assertEquals("14:65: error[invalid-value]: plain-HTTP listener `http` of gateway web has a `certificate`, which only an https listener serves",
        run(CHECKER, GATEWAY + "gateway web { address 10.0.0.201; class cilium; listener http { certificate wild } }\n"));
  }

  @Test
  void twoListenersWithOneNameAreDuplicates() {
    assertEquals("14:85: error[duplicate-property]: gateway web has two listeners named `http`", runBroken(CHECKER,
        GATEWAY + "gateway web { address 10.0.0.201; class cilium; listener http { port 80 }; listener http { port 8080 } }\n"));
  }

  @Test
  void aDatabaseNeedsAnObjectStoreTarget() {
    assertEquals("10:25: error[invalid-value]: database pg is backed up by backup nas, whose target nfs://nas/pg is no object store; "
        + "CloudNativePG archives to s3://, azure:// or gs://", run(CHECKER, CheckFixture.BASE + """
        use cloudnative-pg
        backup nas { schedule "0 3 * * *"; keep { daily: 7 }; target "nfs://nas/pg" }
        database pg { size 1Gi; backup nas }
        """));
  }

  @Test
  void portNamesFollowKubernetes() {
    assertEquals("8:31: error[invalid-value]: port name `metrics-exporter-x` of app a is not a Kubernetes port name",
        run(CHECKER, CheckFixture.BASE + "app a { image \"x/y:1.0\"; port metrics-exporter-x 9100 }\n"));
  }

  @Test
  void aDatabasePrefixMustStartAnEnvironmentVariable() {
    assertEquals("11:41: error[invalid-value]: `my-db` cannot start an environment variable name", run(CHECKER, CheckFixture.BASE + """
        use cloudnative-pg
        backup b { schedule "0 3 * * *"; keep { daily: 7 }; target "s3://b/x"; credentials s }
        secret s { sops "s.yaml"; keys ["k"] }
        app a { image "x/y:1.0"; database pg as my-db }
        database pg { size 1Gi; backup b }
        """));
  }
}
