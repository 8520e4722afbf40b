package dev.clusterc.compiler.emit.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.kube.KubeObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Flux Kustomizations: edges, health gating and decryption per unit. */
class FluxEmitterTest {
  private static final String CLUSTER = """
      cluster lab {
        domain "lab.example"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
        gitops flux { repository "https://git.example/lab"; path "clusters/lab"; interval 30m }
      }
      node cp { role control-plane; address 10.0.0.2 }
      node w1 { role worker; address 10.0.0.11 }
      use volsync
      secret r2 { sops "r2.sops.yaml"; keys ["access-key-id", "secret-access-key", "restic-password"] }
      backup nightly {
        schedule "0 3 * * *"; keep { daily: 7 }; target "s3://backups/lab"; credentials r2
      }
      volume dynamic { size 1Gi; class "local-path"; backup nightly }
      volume scratch { size 1Gi; backup none }
      app web {
        image "nginx:1.27"
        mount dynamic at "/data"
        mount scratch at "/scratch"
      }
      """;

  private static List<KubeObject> flux() {
    return compile(CLUSTER).flux();
  }

  private static Compilation compile(String text) {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of("r2.sops.yaml",
        PlatformEmitFixture.sops("r2", null, "access-key-id", "secret-access-key", "restic-password")));
    return ManifestCompiler.compile(CheckFixture.program(text, dir));
  }

  /** The cluster with other {@code gitops flux} entries. */
  private static Compilation withGitops(String entries) {
    return compile(CLUSTER.replace("repository \"https://git.example/lab\"; path \"clusters/lab\"; interval 30m", entries));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> specOf(Compilation compilation, String kind, String name) {
    return compilation.flux().stream().filter(o -> o.kind().equals(kind) && o.name().equals(name))
        .map(o -> (Map<String, Object>) o.get("spec"))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(String unit) {
    return flux().stream().filter(o -> o.kind().equals("Kustomization") && o.name().equals(unit))
        .map(o -> (Map<String, Object>) o.get("spec"))
        .findFirst().orElseThrow(() -> new AssertionError("no Kustomization " + unit));
  }

  @Test
  void everyKustomizationPrunesOnTheClustersIntervalFromItsOwnDirectory() {
    Map<String, Object> web = spec("web");
    assertEquals(true, web.get("prune"));
    assertEquals("30m0s", web.get("interval"));
    assertEquals("./clusters/lab/apps/web", web.get("path"));
    assertEquals(Map.of("kind", "GitRepository", "name", "lab"), web.get("sourceRef"));
    assertEquals(List.of(Map.of("name", "layer.storage")), web.get("dependsOn"), "the ladder: web waits for the storage layer");
    Map<String, Object> barrier = spec("layer.storage");
    assertEquals(List.of(Map.of("name", "dynamic"), Map.of("name", "scratch")), barrier.get("dependsOn"));
    assertEquals("./clusters/lab/storage/layer.storage", barrier.get("path"));
    assertNull(barrier.get("wait"), "the barrier holds nothing to wait for");
  }

  @Test
  void aUnitWithoutClaimsWaitsForEverything() {
    assertEquals(true, spec("web").get("wait"));
    assertNull(spec("web").get("healthChecks"));
  }

  @Test
  void aUnitWithClaimsChecksEverythingButTheClaims() {
    Map<String, Object> dynamic = spec("dynamic");
    assertNull(dynamic.get("wait"), "a claim of a WaitForFirstConsumer class is Pending until web runs, which waits for it");
    assertEquals(List.of(
            Map.of("apiVersion", "v1", "kind", "Secret", "name", "dynamic-restic-repository", "namespace", "web"),
            Map.of("apiVersion", "volsync.backube/v1alpha1", "kind", "ReplicationSource", "name", "dynamic-restic",
                "namespace", "web")),
        dynamic.get("healthChecks"));
    Map<String, Object> scratch = spec("scratch");
    assertNull(scratch.get("wait"), "a unit holding only a claim is not gated");
    assertNull(scratch.get("healthChecks"));
  }

  @Test
  void onlyUnitsWithSopsFilesDecrypt() {
    assertEquals(Map.of("provider", "sops", "secretRef", Map.of("name", "sops-age")), spec("nightly").get("decryption"));
    assertFalse(spec("web").containsKey("decryption"));
    assertTrue(flux().stream().anyMatch(o -> o.kind().equals("GitRepository")));
  }

  @Test
  void theDecryptionSecretIsTheOneGitopsNames() {
    Compilation compilation = withGitops("repository \"https://git.example/lab\"; decryption \"age-key\"");
    assertEquals(Map.of("provider", "sops", "secretRef", Map.of("name", "age-key")),
        specOf(compilation, "Kustomization", "nightly").get("decryption"));
    assertEquals("age-key", compilation.gitops().decryptionSecret());
  }

  @Test
  void aPublicRepositoryNeedsNoCredentialsAndAPrivateOneNamesThem() {
    Map<String, Object> open = specOf(compile(CLUSTER), "GitRepository", "lab");
    assertEquals(Map.of("interval", "30m0s", "ref", Map.of("branch", "main"), "url", "https://git.example/lab"), open);
    Map<String, Object> closed = specOf(withGitops("repository \"ssh://git@git.example/lab.git\"; secret \"flux-system\""),
        "GitRepository", "lab");
    assertEquals(Map.of("name", "flux-system"), closed.get("secretRef"));
    assertEquals("ssh://git@git.example/lab.git", closed.get("url"));
  }

  @Test
  void withoutAPathTheTreeGoesToClustersName() {
    Compilation compilation = withGitops("repository \"https://git.example/lab\"");
    assertEquals("clusters/lab", compilation.path());
    assertEquals("./clusters/lab/apps/web", specOf(compilation, "Kustomization", "web").get("path"));
    assertEquals("deploy/lab", withGitops("repository \"https://git.example/lab\"; path \"./deploy/lab/\"").path());
  }
}
