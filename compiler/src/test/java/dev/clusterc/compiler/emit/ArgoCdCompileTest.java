package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.argocd.ApplicationEmitter;
import dev.clusterc.compiler.emit.argocd.ArgoCdObjects;
import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@code gitops argocd} cluster compiled whole: its Applications, its next steps, and no Flux. */
class ArgoCdCompileTest {
  private static final String NODES = "node cp1 { role control-plane; address 10.0.0.2 }\n";

  private static Program program(String gitops, String more) {
    return AppTestSupport.clean("cluster lab {\n  domain \"lab.example\"\n  network { nodes 10.0.0.0/24; router 10.0.0.1 }\n"
        + "  gitops argocd { " + gitops + " }\n}\n" + NODES + more);
  }

  private static Compilation compile(String gitops, String more) {
    return ManifestCompiler.compile(program(gitops, more));
  }

  private static KubeObject application(Compilation compilation, String name) {
    return compilation.argocd().applications().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> source(KubeObject application) {
    return (Map<String, Object>) application.map("spec").get("source");
  }

  @Test
  void componentsAreHelmSourcesAndAppsDirectories() {
    Compilation compilation = compile("repository \"https://git.example/lab\"; branch \"prod\"; path \"k8s\";"
            + " namespace \"gitops\"; project \"homelab\"",
        "use gateway-api\napp web { image \"nginx:1.27\" }\n");
    assertEquals(List.of(), compilation.flux());
    assertNull(compilation.gitops(), "no Flux settings under Argo CD");
    KubeObject crds = application(compilation, "gateway-api");
    assertEquals("gitops", crds.namespace());
    Map<String, Object> helm = source(crds);
    assertEquals(List.of("docker.io/envoyproxy", "gateway-crds-helm", "v1.5.4"),
        List.of(helm.get("repoURL"), helm.get("chart"), helm.get("targetRevision")), "the OCI chart without oci://");
    assertEquals("gateway-api", ((Map<?, ?>) helm.get("helm")).get("releaseName"));
    assertEquals(Map.of("gatewayAPI", Map.of("enabled", true, "channel", "standard"), "envoyGateway", Map.of("enabled", false)),
        ((Map<?, ?>) ((Map<?, ?>) helm.get("helm")).get("valuesObject")).get("crds"), "the component's values");
    assertEquals("homelab", crds.map("spec").get("project"));
    assertEquals(Map.of("prune", true, "selfHeal", true), ((Map<?, ?>) crds.map("spec").get("syncPolicy")).get("automated"));
    assertEquals(List.of("CreateNamespace=true", "ServerSideApply=true"),
        ((Map<?, ?>) crds.map("spec").get("syncPolicy")).get("syncOptions"));
    KubeObject web = application(compilation, "web");
    assertEquals(Map.of("repoURL", "https://git.example/lab", "targetRevision", "prod", "path", "k8s/apps/web"), source(web));
    assertEquals("k8s", compilation.path());
    KubeObject secret = compilation.argocd().apps().get(0);
    assertEquals("Secret", secret.kind());
    assertEquals(Map.of("name", "oci-docker-io-envoyproxy", "type", "helm", "url", "docker.io/envoyproxy", "enableOCI", "true"),
        secret.get("stringData"));
    assertEquals("-1", secret.annotations().get("argocd.argoproj.io/sync-wave"));
    assertEquals("k8s/argocd/apps", source(compilation.argocd().root()).get("path"));
    assertEquals("lab-root", compilation.argocd().root().name());
  }

  @Test
  void wavesCountTheLongestChainOfDependencies() {
    Compilation compilation = compile("repository \"https://git.example/lab\"", "app web { image \"nginx:1.27\" }\n");
    assertEquals("0", application(compilation, "cluster").annotations().get("argocd.argoproj.io/sync-wave"));
    assertEquals("1", application(compilation, "web").annotations().get("argocd.argoproj.io/sync-wave"));
  }

  @Test
  void aUnitWithFilesAndChartsHasOneSourceOfEach() {
    Program program = program("repository \"https://git.example/lab\"", "");
    Emission emission = Emission.of(program);
    Unit unit = new Unit("mixed", "platform", program.cluster().orElseThrow());
    unit.add(emission.context().object(program.cluster().orElseThrow(), "v1", "ConfigMap", "settings", "tools"));
    unit.release(new ChartRelease(program.cluster().orElseThrow(), "tool", "tools", "https://charts.example", "tool", "1.0.0",
        Map.of("replicas", 2)));
    ArgoCdObjects objects = ApplicationEmitter.emit(program, emission.context(), List.of(unit)).orElseThrow();
    Map<String, Object> spec = objects.applications().get(0).map("spec");
    assertEquals(List.of(
            Map.of("repoURL", "https://git.example/lab", "targetRevision", "main", "path", "clusters/lab/platform/mixed"),
            Map.of("repoURL", "https://charts.example", "chart", "tool", "targetRevision", "1.0.0",
                "helm", Map.of("releaseName", "tool", "valuesObject", Map.of("replicas", 2)))),
        spec.get("sources"));
    assertEquals(Map.of("server", "https://kubernetes.default.svc", "namespace", "tools"), spec.get("destination"));
  }

  @Test
  void nextStepsInstallArgoCdTeachItHealthGiveItAKeyAndApplyTheRoot() {
    Compilation compilation = compile("repository \"git@github.com:o/lab.git\"", "app web { image \"nginx:1.27\" }\n");
    List<NextStep> steps = compilation.nextSteps();
    assertEquals(List.of(NextStep.Kind.ARGOCD_INSTALL, NextStep.Kind.ARGOCD_HEALTH, NextStep.Kind.GIT_CREDENTIALS,
        NextStep.Kind.ARGOCD_ROOT), steps.stream().map(NextStep::kind).toList());
    assertEquals(List.of("kubectl patch configmap argocd-cm --namespace=argocd --type=merge"
        + " --patch-file=clusters/lab/argocd/argocd-cm-patch.yaml"), steps.get(1).commands());
    assertEquals(List.of("argocd repo add git@github.com:o/lab.git --ssh-private-key-path $HOME/.ssh/id_ed25519"),
        steps.get(2).commands());
    assertEquals(List.of("kubectl apply --namespace=argocd -f clusters/lab/argocd/root.yaml"), steps.get(3).commands());
    assertTrue(steps.stream().noneMatch(s -> s.what().contains("flux")), steps.toString());
  }
}
