package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.charts.ChartCache;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterc apply} end to end on the test cluster (controllers, scheduler, kwok), from
 * {@code .cluster} sources whose components use charts served on loopback: a chart's CRD and its
 * CR in one apply, another field manager's edit reported as a conflict then taken over, an
 * immutable change refused then forced, and a claim never re-created.
 */
@WithTestCluster
class ChartApplyClusterTest {
  static TestCluster cluster;
  @TempDir static Path temp;
  private static ChartServer charts;

  @BeforeAll
  static void serveCharts() {
    System.setProperty(ChartCache.PROPERTY, temp.resolve("chart-cache").toString());
    charts = ChartServer.start(temp);
    charts.add("widget", "1.0.0", ScenarioCharts.WIDGET);
    charts.add("workload", "1.0.0", ScenarioCharts.WORKLOAD);
  }

  @AfterAll
  static void stopCharts() {
    System.clearProperty(ChartCache.PROPERTY);
    charts.close();
  }

  @Test
  void aChartsCrdAndItsCustomResourceAreAppliedTogetherAndItsDeploymentRollsOut(KubernetesClient client)
      throws IOException {
    Path sources = sources("widgets", """
        component widgets {
          chart "%s" name "widget" version "1.0.0"
          values { size: "large" }
        }
        """.formatted(charts.url()));

    Cli.Result run = apply(sources).assertNoStackTrace();

    assertEquals(ExitCode.OK, run.exit(), run.toString());
    List<String> order = JsonLines.named(run.out(), "object").stream()
        .map(e -> kind(e) + " " + e.get("change")).toList();
    assertTrue(order.indexOf("CustomResourceDefinition created") >= 0
        && order.indexOf("CustomResourceDefinition created") < order.indexOf("Widget created"), order.toString());
    assertTrue(order.contains("Deployment created"), order.toString());
    JsonLines.forUnit(run.out(), "unit-ready", "widgets");
    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
        .withName("widgets.example.clusterc.dev").get();
    assertTrue(crd.getStatus().getConditions().stream()
        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())));
    GenericKubernetesResource widget = client.genericKubernetesResources(WIDGETS).inNamespace("widgets")
        .withName("widgets-default").get();
    assertNotNull(widget, "the Widget exists");
    assertEquals("large", ((Map<?, ?>) widget.getAdditionalProperties().get("spec")).get("size"));
    Deployment operator = client.apps().deployments().inNamespace("widgets").withName("widgets-operator").get();
    assertEquals(2, operator.getStatus().getAvailableReplicas(), "rolled out before apply said ready");

    Cli.Result again = apply(sources);
    assertEquals(ExitCode.OK, again.exit(), again.toString());
    Map<String, Object> finished = JsonLines.finished(again.out());
    assertEquals(0, finished.get("created"), again.out());
    assertEquals(0, finished.get("configured"), again.out());
  }

  @Test
  void anotherManagersEditIsAConflictNamingItUntilForceConflictsTakesItOver(KubernetesClient client)
      throws IOException, InterruptedException {
    Path sources = sources("edits", """
        component edited {
          chart "%s" name "workload" version "1.0.0"
          values { image: "nginx:1.27" }
        }
        """.formatted(charts.url()));
    Cli.Result first = apply(sources);
    assertEquals(ExitCode.OK, first.exit(), first.toString());

    kubectl("set", "image", "deployment/edited", "app=nginx:1.28", "--namespace", "edited");
    Cli.Result plan = Cli.run("plan", sources.toString(), "--kubeconfig", cluster.kubeconfig().toString())
        .assertNoStackTrace();
    assertEquals(ExitCode.OK, plan.exit(), plan.toString());
    assertTrue(plan.out().contains("Deployment.apps edited/edited") && plan.out().contains("kubectl-set")
        && plan.out().contains("apply needs --force-conflicts"), plan.out());
    Cli.Result refused = apply(sources).assertNoStackTrace();

    assertEquals(ExitCode.FINDINGS, refused.exit(), refused.toString());
    String reason = (String) JsonLines.forUnit(refused.out(), "unit-failed", "edited").get("reason");
    assertTrue(reason.contains("Deployment.apps edited/edited") && reason.contains("kubectl-set")
        && reason.contains(".image") && reason.contains("--force-conflicts"), reason);
    assertEquals("nginx:1.28", image(client, "edited"), "nothing was written");

    Cli.Result forced = apply(sources, "--force-conflicts");
    assertEquals(ExitCode.OK, forced.exit(), forced.toString());
    assertEquals("nginx:1.27", image(client, "edited"));
    Cli.Result after = apply(sources);
    assertEquals(ExitCode.OK, after.exit(), "clusterc owns the image again, no conflict: " + after);
  }

  @Test
  void anImmutableChangeIsRefusedThenForcedAndAClaimIsNeverRecreated(KubernetesClient client) throws IOException {
    String declaration = """
        component immutable {
          chart "%s" name "workload" version "1.0.0"
          values { tier: "%s", claimClass: "%s" }
        }
        """;
    Path sources = sources("immutables", declaration.formatted(charts.url(), "one", "slow"));
    Cli.Result first = apply(sources);
    assertEquals(ExitCode.OK, first.exit(), first.toString());
    String deploymentUid = deployment(client, "immutable").getMetadata().getUid();
    String claimUid = claimUid(client);

    sources("immutables", declaration.formatted(charts.url(), "two", "slow"));
    Cli.Result refused = apply(sources).assertNoStackTrace();
    assertEquals(ExitCode.FINDINGS, refused.exit(), refused.toString());
    String reason = (String) JsonLines.forUnit(refused.out(), "unit-failed", "immutable").get("reason");
    assertTrue(reason.contains("Deployment.apps immutable/immutable") && reason.contains("spec.selector")
        && reason.contains("--force"), reason);
    assertEquals(deploymentUid, deployment(client, "immutable").getMetadata().getUid(), "not re-created");

    Cli.Result forced = apply(sources, "--force");
    assertEquals(ExitCode.OK, forced.exit(), forced.toString());
    assertTrue(JsonLines.named(forced.out(), "object").stream()
        .anyMatch(e -> "Deployment".equals(kind(e)) && "recreated".equals(e.get("change"))), forced.out());
    Deployment recreated = deployment(client, "immutable");
    assertNotEquals(deploymentUid, recreated.getMetadata().getUid(), "a new object");
    assertEquals("two", recreated.getSpec().getSelector().getMatchLabels().get("tier"));
    assertEquals(1, recreated.getStatus().getAvailableReplicas(), "rolled out again before ready");

    sources("immutables", declaration.formatted(charts.url(), "two", "fast"));
    for (String[] flags : List.of(new String[] {"--force"}, new String[] {"--force", "--prune-data"})) {
      Cli.Result claim = apply(sources, flags).assertNoStackTrace();
      assertEquals(ExitCode.FAILURE, claim.exit(), claim.toString());
      assertTrue(claim.err().contains("apply refused, nothing was written")
          && claim.err().contains("PersistentVolumeClaim immutable/immutable-data")
          && claim.err().contains("never does that"), claim.toString());
      assertFalse(claim.err().contains("allowed by"), "no flag allows it: " + claim.err());
      assertEquals(claimUid, claimUid(client), "the claim is the same object after " + List.of(flags));
    }
  }

  private static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
      .withGroup("example.clusterc.dev").withVersion("v1").withKind("Widget").withPlural("widgets")
      .withNamespaced(true).build();

  private static Path sources(String name, String declarations) throws IOException {
    Path dir = temp.resolve(name);
    Sources.write(dir.resolve("cluster.cluster"), """
        cluster %s {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        """.formatted(name) + declarations);
    return dir;
  }

  private static Cli.Result apply(Path sources, String... flags) {
    List<String> args = new ArrayList<>(List.of("apply", sources.toString(),
        "--kubeconfig", cluster.kubeconfig().toString(), "--output", "json", "--timeout", "2m"));
    args.addAll(List.of(flags));
    return Cli.run(args.toArray(String[]::new));
  }

  private static String kind(Map<String, Object> event) {
    return String.valueOf(((Map<?, ?>) event.get("object")).get("kind"));
  }

  private static Deployment deployment(KubernetesClient client, String name) {
    return client.apps().deployments().inNamespace(name).withName(name).get();
  }

  private static String image(KubernetesClient client, String name) {
    return deployment(client, name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static String claimUid(KubernetesClient client) {
    return client.persistentVolumeClaims().inNamespace("immutable").withName("immutable-data").get()
        .getMetadata().getUid();
  }

  private static void kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(System.getProperty("clusterc.kubectl", "kubectl"),
        "--kubeconfig=" + cluster.kubeconfig()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(1, TimeUnit.MINUTES), "kubectl finished");
    assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
  }
}
