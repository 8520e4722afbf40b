package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code apply --bootstrap-flux-tree} on a real kube-apiserver with Flux's CRDs (no Flux controllers:
 * where the test plays Flux, it writes the Ready conditions Flux would): the homelab's GitRepository
 * and Kustomizations are applied and waited for; with nobody reconciling them the apply times out
 * saying so, and names the hand-over steps.
 */
@WithTestApiServer
class FluxHandOverApiServerTest {
  private static final Path HOMELAB = Cli.repo().resolve("examples/homelab");

  @TempDir Path dir;

  @BeforeAll
  static void fluxNamespace(KubernetesClient client) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("flux-system").endMetadata().build())
        .serverSideApply();
  }

  /** Each test starts without Flux's objects (and their Ready conditions) and without the hand-over's inventory. */
  @BeforeEach
  void noFluxObjects(KubernetesClient client) {
    client.genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository").inNamespace("flux-system").delete();
    client.genericKubernetesResources("kustomize.toolkit.fluxcd.io/v1", "Kustomization").inNamespace("flux-system").delete();
    client.configMaps().inNamespace("kube-system").withName("clusterc-flux.homelab").delete();
  }

  private Cli.Result apply(TestApiServer server, String... extra) throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), server.kubeConfigYaml());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = new String[] {"apply", HOMELAB.toString(), "--bootstrap-flux-tree", "--kubeconfig", kubeconfig.toString()};
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
        .toArray(String[]::new);
    int exit = new CommandLine(new Main(Terminal.plain(InputStream.nullInputStream())))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(all);
    return new Cli.Result(exit, out.toString(), err.toString()).assertNoStackTrace();
  }

  @Test
  void withoutFluxRunningTheApplyTimesOutSayingSoAndNamesTheSteps(TestApiServer server) throws Exception {
    Cli.Result result = apply(server, "--timeout", "3s");
    assertEquals(ExitCode.FINDINGS, result.exit(), result.toString());
    assertTrue(result.out().contains("GitRepository.source.toolkit.fluxcd.io flux-system/homelab")
        && result.out().contains("not reconciled by its controller yet"), result.out());
    assertTrue(result.err().contains("flux install"), result.err());
    assertTrue(result.err().contains("clusterc compile " + HOMELAB), result.err());
    assertNotNull(server.client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
        .inNamespace("flux-system").withName("homelab").get(), "the GitRepository was applied");
  }

  @Test
  void onceFluxReportsEveryObjectReadyTheHandOverSucceeds(TestApiServer server) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Thread flux = new Thread(() -> playFlux(server.client(), done));
    flux.start();
    try {
      Cli.Result result = apply(server, "--timeout", "60s");
      assertEquals(ExitCode.OK, result.exit(), result.toString());
      List<GenericKubernetesResource> kustomizations = server.client()
          .genericKubernetesResources("kustomize.toolkit.fluxcd.io/v1", "Kustomization").inNamespace("flux-system")
          .list().getItems();
      assertTrue(kustomizations.size() > 10, "every unit's Kustomization was applied: " + kustomizations.size());
    } finally {
      done.set(true);
      flux.join();
    }
  }

  /** Writes {@code Ready=True} on every GitRepository and Kustomization of flux-system, as Flux would, until told to stop. */
  private static void playFlux(KubernetesClient client, AtomicBoolean done) {
    while (!done.get()) {
      for (String[] type : List.of(new String[] {"source.toolkit.fluxcd.io/v1", "GitRepository"},
          new String[] {"kustomize.toolkit.fluxcd.io/v1", "Kustomization"})) {
        for (GenericKubernetesResource object : client.genericKubernetesResources(type[0], type[1])
            .inNamespace("flux-system").list().getItems()) {
          if (object.get("status") instanceof Map<?, ?> status && status.containsKey("conditions")) {
            continue;
          }
          object.setAdditionalProperty("status", Map.of("observedGeneration", object.getMetadata().getGeneration(),
              "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "Succeeded",
                  "message", "reconciled", "lastTransitionTime", "2026-12-06T00:00:00Z"))));
          client.genericKubernetesResources(type[0], type[1]).inNamespace("flux-system").resource(object).updateStatus();
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
