package dev.clusterc.compiler.emit.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.HumanRenderer;
import dev.clusterc.compiler.diag.JsonRenderer;
import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.program.GraphRenderer;
import dev.clusterc.compiler.program.Program;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code secret … env-file PATH}: a plain Secret for a cluster that is applied and never committed. */
class PlainSecretTest {
  private static final String VALUE = "s3cr3t-V4lue";

  private static final String USERS = """
      secret app-env { env-file "local.env"; keys ["DB_PASSWORD"] }
      app web { image "nginx:1.27"; secret-env app-env }
      app api { image "nginx:1.27"; namespace backend; secret-env app-env }
      """;

  private static Path envFile(String text) {
    return PlatformEmitFixture.workingDirectory(Map.of("local.env", text));
  }

  private static final String GOOD = """
      # local development only
      DB_PASSWORD=%s
      export API_TOKEN="quoted value"
      EMPTY=
      """.formatted(VALUE);

  @Test
  void theFileBecomesAPlainSecretMarkedAsSuchInEveryNamespaceThatReadsIt() {
    PlatformEmitFixture.Emitted emitted = PlatformEmitFixture.emit(PlatformEmitFixture.program(USERS, envFile(GOOD)));
    Snippets.assertMatches("secret/PlainSecretTest-plainSecretInEachNamespace", emitted.yaml("web") + "---\n" + emitted.yaml("api"));
    assertTrue(emitted.yaml("web").contains(VALUE), "the one object that carries the value");
    assertTrue(emitted.unit("app-env").isEmpty());
  }

  @Test
  void valuesNeverReachDiagnosticsJsonOrTheGraph() {
    String broken = "DB_PASSWORD " + VALUE + "\n" + VALUE + "=x\nOTHER=" + VALUE + "\nOTHER=" + VALUE + "\n";
    Program program = CheckFixture.program(CheckFixture.BASE + USERS, envFile(broken));
    String human = new HumanRenderer(false).render(program.diagnostics());
    String json = JsonRenderer.render(program.diagnostics());
    assertTrue(human.contains("line 1 of `local.env` is not `KEY=VALUE`"), human);
    assertTrue(human.contains("line 4 of `local.env` sets `OTHER` a second time"), human);
    assertFalse(human.contains("V4lue"), human);
    assertFalse(json.contains("V4lue"), json);
    Program good = PlatformEmitFixture.program(USERS, envFile(GOOD));
    assertFalse(GraphRenderer.mermaid(good).contains("V4lue"));
    assertFalse(GraphRenderer.dot(good).contains("V4lue"));
    assertFalse(good.files().plain(good.decls().stream().filter(d -> d.name().equals("app-env")).findFirst().orElseThrow())
        .orElseThrow().toString().contains("V4lue"), "toString names keys only");
  }

  @Test
  void aListedKeyMissingFromTheFileIsReported() {
    Program program = CheckFixture.program(CheckFixture.BASE + USERS, envFile("API_TOKEN=" + VALUE + "\n"));
    assertEquals("8:18: error[invalid-value]: secret `app-env`: file `local.env` has no key `DB_PASSWORD`",
        CheckFixture.render(program.diagnostics()));
  }

  @Test
  void aMissingFileIsReported() {
    Program program = CheckFixture.program(CheckFixture.BASE + USERS, envFile(GOOD).resolve("elsewhere"));
    assertTrue(CheckFixture.render(program.diagnostics()).contains("error[invalid-value]: secret `app-env`: file `local.env` does not exist"),
        CheckFixture.render(program.diagnostics()));
  }

  @Test
  void aClusterInGitRefusesIt() {
    String inGit = CheckFixture.BASE.replace("network { nodes 10.0.0.0/24; router 10.0.0.1 }",
        "network { nodes 10.0.0.0/24; router 10.0.0.1 }\n  gitops flux { repository \"https://github.com/example/home\" }") + USERS;
    Program program = CheckFixture.program(inGit, envFile(GOOD));
    String rendered = CheckFixture.render(program.diagnostics());
    assertEquals("9:18: error[invalid-value]: secret app-env would be a plain Secret, values and all, but cluster test is "
        + "committed to Git (`gitops`)", rendered);
    assertTrue(program.diagnostics().get(0).hint().contains("`sops PATH`, `sealed PATH` or `external STORE key KEY`"));
  }

  @Test
  void allowCannotAcceptTheRefusal() {
    String inGit = CheckFixture.BASE.replace("network { nodes 10.0.0.0/24; router 10.0.0.1 }",
        "network { nodes 10.0.0.0/24; router 10.0.0.1 }\n  gitops flux { repository \"https://github.com/example/home\" }")
        + USERS.replace("keys [\"DB_PASSWORD\"]", "keys [\"DB_PASSWORD\"]; allow [invalid-value] because \"local\"");
    Program program = CheckFixture.program(inGit, envFile(GOOD));
    assertTrue(program.hasErrors());
    assertTrue(CheckFixture.render(program.diagnostics()).contains("`invalid-value` cannot be accepted"));
  }
}
