package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnreadSecretCheckerTest {
  private static final UnreadSecretChecker CHECKER = new UnreadSecretChecker();
  private static final String STORE = """
      use external-secrets
      store vault { via azure-keyvault; config { vaultUrl: "https://home.vault.azure.net" } }
      """;

  @Test
  void aSecretNothingReadsIsReportedWithWhereToNameIt() {
    assertEquals("""
        10:8: warning[unread-secret]: secret oidc is read by no app, backup, issuer or component, so no ExternalSecret is emitted for it
          hint: name it where it is read (`secret-env oidc` in an app, `depends-on [oidc]` in the component whose chart reads it), or remove it""",
        CheckerHarness.detailed(CHECKER, BASE + STORE + """
            secret oidc { external vault key "oidc" }
            """));
  }

  @Test
  void aComponentThatDependsOnTheSecretReadsIt() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + STORE + """
        secret oidc { external vault key "oidc" }
        component proxy {
          layer platform
          namespace auth
          chart "https://charts.example.org" name "proxy" version "1.0.0"
          depends-on [oidc]
        }
        """));
  }

  @Test
  void aUseThatDependsOnTheSecretReadsIt() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + STORE + """
        secret oidc { external vault key "oidc" }
        use traefik { layer platform; depends-on [oidc] }
        """));
  }

  @Test
  void anAppThatReadsTheSecretIsEnough() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + STORE + """
        secret oidc { external vault key "oidc" }
        app a { image "a/a:1"; secret-env oidc }
        """));
  }

  @Test
  void anEnvFileSecretNothingReadsIsReportedToo() {
    assertEquals("""
        8:8: warning[unread-secret]: secret dev is read by no app, backup, issuer or component, so its `env-file` is left out of the output
          hint: name it where it is read (`secret-env dev` in an app, `depends-on [dev]` in the component whose chart reads it), or remove it""",
        CheckerHarness.detailed(CHECKER, BASE + """
            secret dev { env-file "local.env" }
            """));
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        secret dev { env-file "local.env" }
        app a { image "a/a:1"; secret-env dev }
        """));
  }
}
