package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

/** Inputs start with {@link CheckFixture#BASE} (lines 1–7), so the first added line is line 8. */
class NameRulesCheckerTest {
  private static final Checker CHECKER = new NameRulesChecker();

  @Test
  void validNames() {
    String text = CheckFixture.BASE + """
        node k3s-w1 { role worker; address 10.0.0.13 }
        app sonarr2 { image "x/y:1.0"; namespace media-apps }
        volume sonarr-config { size 1Gi; backup none; namespace media-apps }
        use cloudnative-pg
        database linkding-db-cnpg-v1 { engine postgres; size 1Gi; backup none; namespace cnpg-prod }
        """;
    assertEquals("", run(CHECKER, text));
  }

  @Test
  void upperCaseAndUnderscoreInANodeName() {
    assertEquals("""
        8:6: error[invalid-value]: the name of node K3s_W1 is not a valid Kubernetes name: it has upper-case letters
          hint: write `k3s-w1`""", detailed(CHECKER, CheckFixture.BASE + "node K3s_W1 { role worker; address 10.0.0.13 }\n"));
  }

  @Test
  void otherCharactersAreNamed() {
    assertEquals("""
        8:8: error[invalid-value]: the name of volume sonarr__data is not a valid Kubernetes name: it has `_`, and a name has only lower-case letters, digits and `-`
          hint: write `sonarr-data`""", detailed(CHECKER, CheckFixture.BASE + "volume sonarr__data { size 1Gi; backup none }\n"));
    assertEquals("8:5: error[invalid-value]: the name of app _web is not a valid Kubernetes name: it has `_`, and a name has only lower-case letters, digits and `-`",
        run(CHECKER, CheckFixture.BASE + "app _web { image \"x/y:1.0\" }\n"));
  }

  @Test
  void aTrailingDash() {
    assertEquals("""
        8:6: error[invalid-value]: the name of node w-3- is not a valid Kubernetes name: it must start and end with a letter or digit
          hint: write `w-3`""", detailed(CHECKER, CheckFixture.BASE + "node w-3- { role worker; address 10.0.0.13 }\n"));
  }

  @Test
  void sixtyThreeCharactersAreTheMost() {
    String name63 = "a".repeat(63);
    assertEquals("", run(CHECKER, CheckFixture.BASE + "node " + name63 + " { role worker; address 10.0.0.13 }\n"));
    String name64 = "b".repeat(64);
    assertEquals("8:6: error[invalid-value]: the name of node " + name64
            + " is not a valid Kubernetes name: it has 64 characters, and a name has at most 63\n  hint: write `" + "b".repeat(63) + "`",
        detailed(CHECKER, CheckFixture.BASE + "node " + name64 + " { role worker; address 10.0.0.13 }\n"));
  }

  @Test
  void databaseNameAndNamespaces() {
    String text = CheckFixture.BASE + """
        use cloudnative-pg
        database PG { engine postgres; size 1Gi; backup none; namespace Data }
        app web { image "x/y:1.0"; namespace Media_Apps }
        """;
    assertEquals("""
        9:10: error[invalid-value]: the name of database PG is not a valid Kubernetes name: it has upper-case letters
        9:65: error[invalid-value]: the namespace `Data` of database PG is not a valid Kubernetes name: it has upper-case letters
        10:38: error[invalid-value]: the namespace `Media_Apps` of app web is not a valid Kubernetes name: it has upper-case letters""",
        run(CHECKER, text));
  }

  @Test
  void aComponentNamespace() {
    String text = CheckFixture.BASE + """
        component reloader { namespace Reloader; chart "https://stakater.github.io/stakater-charts" name "reloader" version "2.2.15" }
        """;
    assertEquals("""
        8:32: error[invalid-value]: the namespace `Reloader` of component reloader is not a valid Kubernetes name: it has upper-case letters
          hint: write `reloader`""", detailed(CHECKER, text));
  }

  @Test
  void everyKindButTheClusterNamesAKubernetesObject() {
    assertEquals("8:8: error[invalid-value]: the name of secret Cloudflare_Token is not a valid Kubernetes name: it has upper-case letters",
        run(CHECKER, CheckFixture.BASE + "secret Cloudflare_Token { sops \"a.yaml\"; keys [\"x\"] }\n"));
  }

  @Test
  void aNamespaceFromATemplateIsReportedOncePerUse() {
    String text = CheckFixture.BASE + """
        template media(ns: symbol) for app {
          image     "x/y:1.0"
          namespace $ns
        }
        template fixed() for app {
          image     "x/y:1.0"
          namespace Media
        }
        app a from media(ns: Media) { }
        app b from fixed { }
        """;
    assertEquals("""
        14:13: error[invalid-value]: the namespace `Media` of app b is not a valid Kubernetes name: it has upper-case letters
          hint: write `media`
          note 17:12: app b takes this from template `fixed`
        16:22: error[invalid-value]: the namespace `Media` of app a is not a valid Kubernetes name: it has upper-case letters
          hint: write `media`""", detailed(CHECKER, text));
  }
}
