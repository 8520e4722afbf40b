package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Unit;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plan}, {@code diff} and {@code apply} up to the runtime's door, on an engine that reaches
 * no cluster: what they hand it, what they refuse, and their exit statuses.
 */
class RuntimeCommandsTest {
  private static final String BASE = """
      cluster test {
        domain "example.org"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
      %s}
      node cp { role control-plane; address 10.0.0.2 }
      node w1 { role worker; address 10.0.0.11 }
      app web { image "nginx:1.27" %s}
      %s
      """;

  @TempDir Path dir;
  private final FakeEngine engine = new FakeEngine();

  private Path cluster(String gitops, String appExtra, String more) throws IOException {
    Files.writeString(dir.resolve("test.cluster"), BASE.formatted(gitops, appExtra, more));
    return dir;
  }

  private Path plain() throws IOException {
    return cluster("", "", "");
  }

  private Path flux() throws IOException {
    return cluster("  gitops flux { repository \"https://git.example/test\" }\n", "", "");
  }

  private Cli.Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main(Terminal.plain(InputStream.nullInputStream()), engine))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Cli.Result(exit, out.toString(), err.toString());
  }

  @Test
  void applyHandsTheEngineTheCompiledGraphAndItsSettings() throws IOException {
    engine.change = Change.CREATED;
    Cli.Result result = run("apply", plain().toString(), "--context", "lab", "--timeout", "1m30s", "--parallel", "2",
        "--force-conflicts", "--prune-data", "--keep-going").assertNoStackTrace();
    assertEquals(0, result.exit(), result.toString());
    assertEquals("test", engine.graph.cluster());
    assertTrue(engine.graph.units().stream().map(Unit::title).anyMatch("app web"::equals));
    assertEquals("lab", engine.settings.context());
    assertEquals(Duration.ofSeconds(90), engine.settings.unitTimeout());
    assertEquals(2, engine.settings.parallel());
    assertTrue(engine.settings.forceConflicts() && engine.settings.pruneData() && !engine.settings.force());
    assertTrue(engine.settings.keepGoing() && !engine.settings.allowDisruption());
    assertTrue(result.out().contains("web: Deployment.apps web/web created"), result.out());
    assertTrue(result.out().contains("done in 100ms: "), result.out());
  }

  @Test
  void aFailedUnitIsExitOneAndJsonOutputIsEventLines() throws IOException {
    engine.failFirstUnit = true;
    Cli.Result result = run("apply", plain().toString(), "-o", "json");
    assertEquals(ExitCode.FINDINGS, result.exit(), result.toString());
    assertTrue(result.out().lines().allMatch(l -> l.startsWith("{\"event\":")), result.out());
    assertTrue(result.out().contains("\"event\":\"unit-failed\""), result.out());
  }

  @Test
  void aFluxClusterIsRefusedUnlessDirectIsAsked() throws IOException {
    Path flux = flux();
    Cli.Result refused = run("apply", flux.toString());
    assertEquals(ExitCode.FAILURE, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("deployed by Flux (`gitops flux`); clusterc apply does not apply Flux's objects"),
        refused.err());
    assertTrue(refused.err().contains("--bootstrap-flux-tree") && refused.err().contains("--direct"), refused.err());
    assertNull(engine.graph, "nothing reached the engine");

    Cli.Result direct = run("apply", flux.toString(), "--direct");
    assertEquals(0, direct.exit(), direct.toString());
    assertTrue(engine.graph.units().stream().flatMap(u -> u.objects().stream())
        .noneMatch(o -> o.getApiVersion().contains("fluxcd.io")), "no Flux object reaches the runtime");
    assertTrue(engine.graph.units().get(0).objectIds().stream()
        .anyMatch(id -> id.kind().equals("ConfigMap") && "kube-system".equals(id.namespace())), "cluster-settings leaves flux-system");
  }

  @Test
  void aClusterDeployedByClustercItselfIsAppliedWithItsRuntime() throws IOException {
    Path sources = cluster("  gitops clusterc { repository \"https://git.example/test\"; image \"ghcr.io/o/clusterc:0.1.0\" }\n",
        "", "");
    Cli.Result result = run("apply", sources.toString());
    assertEquals(0, result.exit(), result.toString());
    assertTrue(engine.graph.units().stream().map(Unit::name).anyMatch("clusterc-runtime"::equals), "the runtime's unit is applied");
    assertTrue(engine.graph.units().stream().map(Unit::title).anyMatch("app web"::equals));

    Cli.Result bootstrap = run("apply", sources.toString(), "--bootstrap-flux-tree");
    assertEquals(ExitCode.FAILURE, bootstrap.exit(), bootstrap.toString());
    assertTrue(bootstrap.err().contains("is deployed by clusterc itself (`gitops clusterc`)"), bootstrap.err());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theInClusterRuntimesCommandLineIsOneTheCliAccepts() throws IOException {
    Path sources = cluster("  gitops clusterc { repository \"https://git.example/test\"; secret \"clusterc-git\";"
        + " image \"ghcr.io/o/clusterc:0.1.0\" }\n", "", "");
    assertEquals(0, run("apply", sources.toString()).exit());
    GenericKubernetesResource deployment = engine.graph.unit("clusterc-runtime").objects().stream()
        .filter(o -> o.getKind().equals("Deployment")).findFirst().orElseThrow();
    Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) deployment.getAdditionalProperties()
        .get("spec")).get("template");
    Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) spec.get("spec"))
        .get("containers")).get(0);
    List<String> args = new ArrayList<>((List<String>) container.get("args"));
    assertEquals(List.of("apply", "--watch"), args.subList(0, 2), args.toString());
    // The pod's flags as they are, only pointed at a cluster that cannot be reached: the command line
    // must get as far as connecting (exit 3), not stop at a usage error (exit 2).
    Path kubeconfig = Cli.unreachableKubeconfig(dir);
    Files.createDirectories(dir.resolve("run"));
    args.replaceAll(a -> a.startsWith("/var/") ? dir.resolve("run").resolve(Path.of(a).getFileName()).toString() : a);
    args.replaceAll(a -> a.equals("0.0.0.0:9090") ? "127.0.0.1:0" : a);
    args.addAll(List.of("--kubeconfig", kubeconfig.toString()));
    Cli.Result result = Cli.run(args.toArray(String[]::new));
    assertEquals(ExitCode.UNREACHABLE, result.exit(), result.toString());
    assertFalse(result.err().contains("Usage:"), result.err());
  }

  @Test
  void bootstrapFluxTreeHandsFluxItsObjectsUnderAnInventoryOfTheirOwn() throws IOException {
    Cli.Result result = run("apply", flux().toString(), "--bootstrap-flux-tree");
    assertEquals(0, result.exit(), result.toString());
    assertEquals(1, engine.graph.units().size(), "one unit of Flux's objects");
    assertTrue(engine.graph.cluster().startsWith("flux."), engine.graph.cluster());
    assertTrue(engine.graph.units().get(0).objects().stream().allMatch(o -> o.getApiVersion().contains("toolkit.fluxcd.io")),
        "only Flux's objects are handed over");
    assertEquals(engine.graph.units().get(0).objectIds(), engine.graph.units().get(0).healthGates(),
        "the hand-over waits until Flux reports every object Ready");
  }

  @Test
  void aFailedHandOverNamesTheStepsFluxNeeds() throws IOException {
    engine.failFirstUnit = true;
    Cli.Result result = run("apply", flux().toString(), "--bootstrap-flux-tree");
    assertEquals(ExitCode.FINDINGS, result.exit(), result.toString());
    assertTrue(result.err().contains("flux install"), result.err());
    assertTrue(result.err().contains("clusterc compile " + dir + " -o REPO"), result.err());
    assertTrue(result.err().contains("flux bootstrap"), result.err());
  }

  @Test
  void directOnAClusterWithoutGitopsIsAUsageError() throws IOException {
    Cli.Result result = run("apply", plain().toString(), "--direct");
    assertEquals(ExitCode.FAILURE, result.exit());
    assertTrue(result.err().contains("has no `gitops` block"), result.err());
  }

  @Test
  void sopsSecretsAreRefusedByNameAndUnitWhileSealedOnesTravel() throws IOException {
    Files.writeString(dir.resolve("db.sops.yaml"), """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        stringData:
          "password": ENC[AES256_GCM,data:AAAA,type:str]
        sops:
          mac: ENC[AES256_GCM,data:AAAA,type:str]
          version: 3.10.2
        """);
    Path path = cluster("", "; secret-env db ", "secret db { sops \"db.sops.yaml\"; keys [\"password\"] }");
    Cli.Result result = run("apply", path.toString());
    assertEquals(ExitCode.FAILURE, result.exit(), result.toString());
    assertTrue(result.err().contains("cannot apply SOPS-encrypted Secrets"), result.err());
    assertTrue(result.err().contains("db.sops.yaml (unit web, app web)"), result.err());
    assertNull(engine.graph);

    Cli.Result plan = run("plan", path.toString());
    assertEquals(0, plan.exit(), plan.toString());
    assertTrue(plan.err().contains("not compared"), plan.err());
  }

  @Test
  void diffExitsOneOnChangesAndZeroWithout() throws IOException {
    Path path = plain();
    Cli.Result same = run("diff", path.toString());
    assertEquals(0, same.exit(), same.toString());
    assertTrue(same.out().contains("No changes"), same.out());
    engine.change = Change.CONFIGURED;
    Cli.Result changed = run("diff", path.toString());
    assertEquals(ExitCode.FINDINGS, changed.exit(), changed.toString());
    assertTrue(changed.out().contains("+a: 2"), changed.out());
    Cli.Result plan = run("plan", path.toString(), "-o", "json");
    assertEquals(0, plan.exit(), "plan informs; diff is the one that exits 1");
    assertTrue(plan.out().startsWith("{\"cluster\":\"test\",\"changes\":true"), plan.out());
  }

  @Test
  void aPruneThatCouldNotDeleteIsExitOne() throws IOException {
    engine.pruneFailures = 1;
    Cli.Result result = run("apply", plain().toString()).assertNoStackTrace();
    assertEquals(ExitCode.FINDINGS, result.exit(), result.toString());
    assertTrue(result.out().contains("1 not pruned"), result.out());
  }

  @Test
  void aPlanStoppedByCtrlCExits130() throws IOException {
    engine.stopPlan = true;
    for (String command : new String[] {"plan", "diff"}) {
      Cli.Result result = run(command, plain().toString()).assertNoStackTrace();
      assertEquals(ExitCode.STOPPED, result.exit(), result.toString());
      assertTrue(result.err().contains("nothing was written"), result.err());
    }
  }

  @Test
  void planAndDiffPlanThePruneAsApplyWithPruneDataWould() throws IOException {
    Path path = plain();
    assertEquals(0, run("plan", path.toString()).exit());
    assertFalse(engine.settings.pruneData());
    assertEquals(0, run("plan", path.toString(), "--prune-data").exit());
    assertTrue(engine.settings.pruneData());
    assertEquals(0, run("diff", path.toString(), "--prune-data").exit());
    assertTrue(engine.settings.pruneData() && !engine.settings.keepGoing());
  }

  @Test
  void anUnreachableClusterIsExitThree() throws IOException {
    engine.unreachable = true;
    Cli.Result result = run("plan", plain().toString(), "--kubeconfig", "/nowhere").assertNoStackTrace();
    assertEquals(ExitCode.UNREACHABLE, result.exit(), result.toString());
    assertTrue(result.err().contains("cannot reach the cluster: https://127.0.0.1:1: connection refused"), result.err());
  }

  @Test
  void sourcesWithErrorsNeverReachTheEngine() throws IOException {
    Files.writeString(dir.resolve("test.cluster"), "cluster test {");
    Cli.Result result = run("diff", dir.toString());
    assertEquals(ExitCode.FAILURE, result.exit(), "not 1: diff's 1 means differences");
    assertFalse(result.err().isEmpty());
    assertNull(engine.graph);
  }

  @Test
  void aBadTimeoutIsAUsageError() throws IOException {
    Cli.Result result = run("apply", plain().toString(), "--timeout", "soon");
    assertEquals(ExitCode.FAILURE, result.exit());
    assertTrue(result.err().contains("is not a positive duration"), result.err());
  }
}
