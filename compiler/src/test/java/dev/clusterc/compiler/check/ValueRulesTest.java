package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static dev.clusterc.compiler.check.CheckerHarness.runBroken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.types.Cron;
import dev.clusterc.compiler.types.LiteralException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules on entries that a schema signature cannot say, each checked by its own checker. Inputs start with {@link CheckFixture#BASE} (lines 1–7), so the first added line is line 8. */
class ValueRulesTest {

  private static String base(String more) {
    return CheckFixture.BASE + more;
  }

  /**
   * {@link CheckerHarness#detailed} for inputs that are malformed on purpose: a missing or duplicate
   * entry is what this checker reports, so the harness's well-formedness guard cannot apply.
   */
  private static String detailedBroken(Checker checker, String text) {
    return CheckerHarness.diagnostics(checker, text, false).stream().map(d -> {
      StringBuilder out = new StringBuilder(CheckFixture.render(List.of(d)));
      if (d.hint() != null) {
        out.append("\n  hint: ").append(d.hint());
      }
      d.related().forEach(r -> out.append("\n  note ").append(r.span().begin()).append(": ").append(r.message()));
      return out.toString();
    }).collect(Collectors.joining("\n"));
  }

  @Nested
  class Backups {
    static final Checker CHECKER = CheckerHarness.together(new BackupScheduleChecker(), new BackupTargetChecker());
    private static final String CREDS = "secret creds { sops \"secrets/creds.sops.yaml\"; keys [\"id\", \"key\"] }\n";

    private String backup(String schedule, String target, boolean credentials) {
      return base(CREDS + "backup b { schedule \"" + schedule + "\"; keep { daily: 7 }; target \"" + target + "\""
          + (credentials ? "; credentials creds" : "") + " }\n");
    }

    @Test
    void aValidPolicy() {
      assertEquals("", run(CHECKER, backup("0 3 * * *", "s3://backups/homelab", true)));
      assertEquals("", run(CHECKER, backup("*/15 9-17 * * MON-FRI", "nfs://nas.lab.internal/backups", false)));
    }

    @Test
    void aSixFieldScheduleReportsTheCronMessageAtTheString() {
      LiteralException expected = assertThrows(LiteralException.class, () -> Cron.parse("0 0 3 * * *"));
      assertEquals("9:21: error[invalid-value]: " + expected.message() + "\n  hint: " + expected.hint(),
          detailed(CHECKER, backup("0 0 3 * * *", "s3://backups/homelab", true)));
    }

    @Test
    void aMacroAndAnOutOfRangeField() {
      for (String schedule : new String[] {"@daily", "61 3 * * *", "0 3 * *"}) {
        LiteralException expected = assertThrows(LiteralException.class, () -> Cron.parse(schedule));
        assertEquals("9:21: error[invalid-value]: " + expected.message(),
            run(CHECKER, backup(schedule, "nfs://nas/backups", false)));
      }
    }

    @Test
    void anUnknownScheme() {
      assertEquals("""
          9:60: error[invalid-value]: the target `ftp://nas/backups` of backup b is not a backup location
            hint: write `s3://BUCKET[/PREFIX]`, `azure://CONTAINER[/PREFIX]`, `gs://BUCKET[/PREFIX]` or `nfs://SERVER/PATH`""",
          detailed(CHECKER, backup("0 3 * * *", "ftp://nas/backups", true)));
    }

    @Test
    void noSchemeOrNothingAfterIt() {
      assertEquals("9:60: error[invalid-value]: the target `backups/homelab` of backup b is not a backup location",
          run(CHECKER, backup("0 3 * * *", "backups/homelab", true)));
      assertEquals("9:60: error[invalid-value]: the target `s3://` of backup b is not a backup location",
          run(CHECKER, backup("0 3 * * *", "s3://", true)));
    }

    @Test
    void anUpperCaseScheme() {
      assertEquals("""
          9:60: error[invalid-value]: the target `S3://backups` of backup b is not a backup location
            hint: write the scheme in lower case: `s3://`""", detailed(CHECKER, backup("0 3 * * *", "S3://backups", true)));
    }

    @Test
    void objectStoresNeedCredentials() {
      assertEquals("""
          9:8: error[missing-property]: backup b has no `credentials`, which its s3:// target needs
            hint: add `credentials SECRET`, naming the secret that holds the access keys
            note 9:60: the target is s3://backups/homelab""", detailedBroken(CHECKER, backup("0 3 * * *", "s3://backups/homelab", false)));
      assertEquals("9:8: error[missing-property]: backup b has no `credentials`, which its azure:// target needs",
          runBroken(CHECKER, backup("0 3 * * *", "azure://container/prefix", false)));
      assertEquals("9:8: error[missing-property]: backup b has no `credentials`, which its gs:// target needs",
          runBroken(CHECKER, backup("0 3 * * *", "gs://bucket", false)));
    }

    @Test
    void nfsNeedsNoCredentials() {
      assertEquals("", run(CHECKER, backup("0 3 * * *", "nfs://192.168.1.21:/mnt/hpool/backups", false)));
    }

    @Test
    void keepCountsOfZeroAreAllowed() {
      assertEquals("", run(CHECKER, base("backup b { schedule \"0 * * * *\"; keep { hourly: 0, daily: 1 }; target \"nfs://nas/x\" }\n")));
    }

    @Test
    void aNegativeKeepCountIsInvalid() {
      assertEquals("8:48: error[invalid-value]: `keep` of backup b has daily -1; a count is 0 or more", run(CHECKER, base("backup b { schedule \"0 * * * *\"; keep { daily: -1 }; target \"nfs://nas/x\" }\n")));
    }
  }

  @Nested
  class Secrets {
    static final Checker CHECKER = new SecretSourceChecker();
    private static final String PROVIDERS = "use sealed-secrets\nuse external-secrets\nstore vault { via vault }\n";

    @Test
    void exactlyOneSourceIsFine() {
      String text = base(PROVIDERS + """
          secret a { sops "a.yaml"; keys ["x"] }
          secret b { sealed "b.yaml"; keys ["x"] }
          secret c { external vault key "c"; keys ["x"] }
          """);
      assertEquals("", run(CHECKER, text));
    }

    @Test
    void noSourceIsMissingAtTheName() {
      assertEquals("""
          11:8: error[missing-property]: secret a has no source
            hint: add one of `sops PATH`, `external STORE key KEY` or `sealed PATH` (or `env-file PATH` for a cluster without `gitops`)""",
          detailedBroken(CHECKER, base(PROVIDERS + "secret a { keys [\"x\"] }\n")));
    }

    @Test
    void aSecondAndThirdSourceAreDuplicates() {
      String text = base(PROVIDERS + "secret a { sealed \"b.yaml\"; external vault key \"k\"; sops \"a.yaml\"; keys [\"x\"] }\n");
      assertEquals("""
          11:29: error[duplicate-property]: secret a has a second source, `external` after `sealed`
            hint: a secret comes from exactly one of `sops`, `external`, `sealed` and `env-file`: remove one
            note 11:12: the first source, `sealed`, is here
          11:53: error[duplicate-property]: secret a has a second source, `sops` after `sealed`
            hint: a secret comes from exactly one of `sops`, `external`, `sealed` and `env-file`: remove one
            note 11:12: the first source, `sealed`, is here""", detailedBroken(CHECKER, text));
    }

    @Test
    void theSameSourceTwiceIsTheBindersDuplicate() {
      assertEquals("11:27: error[duplicate-property]: `sops` is given twice in secret a",
          CheckFixture.check(base(PROVIDERS + "secret a { sops \"a.yaml\"; sops \"b.yaml\"; keys [\"x\"] }\n")).lines()
              .filter(line -> line.contains(": error[")).collect(Collectors.joining("\n")), "the errors (no gitops: a warning too)");
    }

    @Test
    void aBrokenDeclarationIsExemptFromMissingProperty() {
      assertEquals("", runBroken(CHECKER, base("secret a { keys [\"x\"] @ }\n")));
    }
  }

  @Nested
  class PoolsAndGateways {
    static final Checker CHECKER =
        CheckerHarness.together(new PoolRangeChecker(), new GatewayListenersChecker(), new PortRangeChecker());
    private static final String LB = "use cilium\npool lb { range 10.0.0.200/29; via cilium }\n";

    @Test
    void aPoolWithoutRange() {
      assertEquals("""
          9:6: error[missing-property]: pool lb2 has no `range`
            hint: add `range FIRST..LAST` or `range CIDR`: the addresses the pool hands out""",
          detailedBroken(CHECKER, base("use cilium\npool lb2 { via cilium }\n")));
    }

    @Test
    void aGatewayWithoutListener() {
      assertEquals("""
          10:9: error[missing-property]: gateway g has no `listener`
            hint: add `listener https { hostname "*.DOMAIN"; certificate CERTIFICATE }` or `listener http { }`""",
          detailedBroken(CHECKER, base(LB + "gateway g { address 10.0.0.200; class cilium }\n")));
    }

    @Test
    void theProtocolDefaultsToAnHttpOrHttpsName() {
      String text = base(LB + """
          gateway g {
            address  10.0.0.200
            class    cilium
            listener http { port 8080 }
            listener web { protocol http }
          }
          """);
      assertEquals("", run(CHECKER, text));
    }

    @Test
    void anyOtherNameNeedsAProtocol() {
      String text = base(LB + """
          gateway g {
            address  10.0.0.200
            class    cilium
            listener web { port 8080 }
          }
          """);
      assertEquals("""
          13:12: error[missing-property]: listener `web` of gateway g has no `protocol`
            hint: add `protocol http` or `protocol https`, or name the listener `http` or `https`""", detailedBroken(CHECKER, text));
    }

    @Test
    void anHttpsListenerNeedsACertificate() {
      String text = base(LB + """
          gateway g {
            address  10.0.0.200
            class    cilium
            listener https { hostname "*.example.org" }
            listener tls { protocol https }
          }
          """);
      assertEquals("""
          13:12: error[missing-property]: https listener `https` of gateway g has no `certificate`
            hint: add `certificate NAME`, naming a certificate whose hosts cover the listener's hostname
          14:12: error[missing-property]: https listener `tls` of gateway g has no `certificate`
            hint: add `certificate NAME`, naming a certificate whose hosts cover the listener's hostname""", detailedBroken(CHECKER, text));
    }

    @Test
    void listenerPortsAreOneTo65535() {
      String text = base(LB + """
          gateway g {
            address  10.0.0.200
            class    cilium
            listener a { protocol http; port 0 }
            listener b { protocol http; port 1 }
            listener c { protocol http; port 65535 }
            listener d { protocol http; port 65536 }
          }
          """);
      assertEquals("""
          13:36: error[invalid-value]: the port of listener `a` of gateway g is 0; ports are 1–65535
          16:36: error[invalid-value]: the port of listener `d` of gateway g is 65536; ports are 1–65535""", run(CHECKER, text));
    }
  }

  @Nested
  class Numbers {
    static final Checker CHECKER = CheckerHarness.together(
        new PortRangeChecker(), new MinimumCountChecker(), new PostgresVersionChecker(), new SizeChecker());
    @Test
    void appPortsAreOneTo65535() {
      assertEquals("""
          8:36: error[invalid-value]: port `http` of app a is 0; ports are 1–65535
          8:66: error[invalid-value]: port `big` of app a is 65536; ports are 1–65535""",
          run(CHECKER, base("app a { image \"x/y:1.0\"; port http 0; port https 65535; port big 65536 }\n")));
    }

    @Test
    void aPortFromATemplateArgumentIsReportedAtTheArgument() {
      String text = base("""
          template web(port: int) for app {
            image "x/y:1.0"
            port  http $port
          }
          app a from web(port: 70000) { }
          app b from web(port: 8080) { }
          """);
      assertEquals("12:22: error[invalid-value]: port `http` of app a is 70000; ports are 1–65535", run(CHECKER, text));
    }

    @Test
    void zeroAppReplicasIsFine() {
      assertEquals("", run(CHECKER, base("app a { image \"x/y:1.0\"; replicas 0 }\n")));
    }

    @Test
    void databaseInstancesVersionAndSize() {
      String text = base("""
          use cloudnative-pg
          database d1 { engine postgres; instances 0; version 12; size 0Gi; backup none }
          database d2 { engine postgres; version 19; size 1Gi; backup none }
          database d3 { engine postgres; instances 1; version 13; size 0.5Gi; backup none }
          database d4 { engine postgres; version 18; size 1Gi; backup none }
          database d5 { engine postgres; size 1Gi; backup none }
          """);
      assertEquals("""
          9:42: error[invalid-value]: database d1 has 0 instances; a database needs at least 1
          9:53: error[invalid-value]: database d1 asks for PostgreSQL 12; the supported versions are 13–18
            hint: use a version from 13 to 18 (17 when `version` is left out)
          9:62: error[invalid-value]: database d1 has size 0Gi; a size is more than zero
          10:40: error[invalid-value]: database d2 asks for PostgreSQL 19; the supported versions are 13–18
            hint: use a version from 13 to 18 (17 when `version` is left out)""", detailed(CHECKER, text));
    }

    @Test
    void volumeReplicasAndSize() {
      String text = base("""
          volume v1 { size 0; replicas 0; backup none }
          volume v2 { size 0Mi; backup none }
          volume v3 { size 1; replicas 1; backup none }
          """);
      assertEquals("""
          8:18: error[invalid-value]: volume v1 has size 0; a size is more than zero
          8:30: error[invalid-value]: volume v1 has 0 replicas; a volume needs at least 1
          9:18: error[invalid-value]: volume v2 has size 0Mi; a size is more than zero""", run(CHECKER, text));
    }
  }

  @Test
  void theWholeCheckReportsEachRuleOnce() {
    String text = base("""
        use cilium
        pool lb { range 10.0.0.200/29; via cilium }
        gateway g { address 10.0.0.200; class cilium; listener web { port 0 } }
        """);
    assertEquals("""
        10:56: error[missing-property]: listener `web` of gateway g has no `protocol`
        10:67: error[invalid-value]: the port of listener `web` of gateway g is 0; ports are 1–65535""", CheckFixture.check(text));
  }
}
