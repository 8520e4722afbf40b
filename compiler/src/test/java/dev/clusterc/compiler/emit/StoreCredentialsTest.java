package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.SecretUsers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store's own credentials Secret, when a {@code secret} declares it: the store reads it, so it is emitted. */
class StoreCredentialsTest {
  private static final String CLUSTER = """
      cluster lab {
        domain "lab.example"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
        gitops flux { repository "https://git.example/lab" }
      }
      node cp1 { role control-plane; address 10.0.0.2 }
      use external-secrets
      store vault { via vault; config { server: "https://vault.lab.example" } }
      store kv {
        via azure-keyvault
        config {
          vaultUrl: "https://kv.vault.azure.net",
          authSecretRef: {
            clientId: { name: "azure-sp", key: "client-id" },
            clientSecret: { name: "azure-sp", key: "client-secret" },
          },
        }
      }
      secret azure-sp { external vault key "azure-sp" }
      """;

  @Test
  void aDeclaredCredentialsSecretIsReadByItsStoreAndEmittedWhereTheSelectorPointsNoStepLeft() {
    Program program = AppTestSupport.clean(CLUSTER);
    assertEquals("", CheckFixture.render(program.diagnostics()), "no unread-secret: the store kv reads it");
    assertEquals(List.of("kv"), SecretUsers.of(program.model(), AppTestSupport.decl(program,
        dev.clusterc.compiler.schema.Kind.SECRET, "azure-sp")).stream().map(d -> d.name()).toList());
    Compilation compilation = ManifestCompiler.compile(program, ChartRenderer.OFFLINE);
    assertEquals(List.of(NextStep.Kind.BOOTSTRAP), compilation.nextSteps().stream().map(NextStep::kind).toList());
    List<String> found = compilation.units().stream().flatMap(u -> u.objects().stream()
        .filter(o -> o.kind().equals("ExternalSecret")).map(o -> u.name() + " " + o.namespace() + "/" + o.name())).toList();
    assertEquals(List.of("kv external-secrets/azure-sp"), found);
  }

  @Test
  void aCredentialsSecretNobodyDeclaresIsStillAStepByHand() {
    Program program = AppTestSupport.clean(CLUSTER.replace("secret azure-sp { external vault key \"azure-sp\" }\n", ""));
    Compilation compilation = ManifestCompiler.compile(program, ChartRenderer.OFFLINE);
    assertEquals(List.of(NextStep.Kind.BOOTSTRAP, NextStep.Kind.STORE_CREDENTIALS),
        compilation.nextSteps().stream().map(NextStep::kind).toList());
    assertTrue(compilation.nextSteps().get(1).commands().get(0).contains("--namespace=external-secrets"));
  }
}
