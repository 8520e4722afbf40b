package dev.clusterc.compiler.emit.incluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.AppTestSupport;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.NextStep;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.program.Program;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A {@code gitops clusterc} cluster compiled whole: plain objects and no Flux or Argo CD object, and
 * the unit {@code clusterc-runtime} whose objects (the derived RBAC above all) are kept under
 * {@code snippets/incluster/}.
 */
class RuntimeUnitTest {
  /**
   * A small cluster: kube-vip (a ClusterRole of its own), an app with a Secret in namespace shop, a
   * custom resource whose CRD names an irregular plural, and a binding of the built-in role {@code view}.
   */
  static final String CLUSTER = "cluster lab {\n"
      + "  domain \"lab.example\"\n"
      + "  network { nodes 10.0.0.0/24; router 10.0.0.1 }\n"
      + "  gitops clusterc {\n"
      + "    repository \"https://git.example/lab.git\"\n"
      + "    branch \"prod\"\n"
      + "    path \"clusters/lab\"\n"
      + "    secret \"clusterc-git\"\n"
      + "    image \"ghcr.io/clusterc/clusterc:0.1.0\"\n"
      + "  }\n"
      + "}\n"
      + "node cp1 { role control-plane; address 10.0.0.2 }\n"
      + "vip api { address 10.0.0.5 }\n"
      + "app web {\n"
      + "  image \"nginx:1.27\"\n"
      + "  manifests \"apiVersion: v1\\nkind: Secret\\nmetadata: { name: token, namespace: shop }\"\n"
      + "  manifests \"apiVersion: apiextensions.k8s.io/v1\\nkind: CustomResourceDefinition\\nmetadata: { name: widgetz.example.org }"
      + "\\nspec: { group: example.org, scope: Namespaced, names: { kind: Widget, plural: widgetz }, versions: [] }\"\n"
      + "  manifests \"apiVersion: example.org/v1\\nkind: Widget\\nmetadata: { name: w }\"\n"
      + "  manifests \"apiVersion: rbac.authorization.k8s.io/v1\\nkind: RoleBinding\\nmetadata: { name: web-view }"
      + "\\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }"
      + "\\nsubjects: [{ kind: ServiceAccount, name: default, namespace: web }]\"\n"
      + "}\n";

  static Compilation compile(String text) {
    Program program = AppTestSupport.clean(text);
    return ManifestCompiler.compile(program, ChartRenderer.OFFLINE, Deployer.declared(program));
  }

  static Unit runtime(Compilation compilation) {
    return compilation.units().stream().filter(u -> u.name().equals(RuntimeUnitEmitter.UNIT)).findFirst().orElseThrow();
  }

  @Test
  void theRuntimeUnitIsItsObjectsExactly() {
    Compilation compilation = compile(CLUSTER);
    Unit runtime = runtime(compilation);
    assertEquals(List.of(), compilation.flux(), "no Flux object");
    assertEquals(null, compilation.argocd(), "no Argo CD object");
    Snippets.assertMatches("incluster/RuntimeUnitTest-runtime-unit",
        runtime.objects().stream().map(YamlWriter::toYaml).collect(Collectors.joining("---\n")));
  }

  @Test
  void noUnitWaitsForTheRuntimeAndItWaitsOnlyForTheNamespaces() {
    Compilation compilation = compile(CLUSTER);
    Unit runtime = runtime(compilation);
    assertEquals(List.of("cluster"), runtime.dependsOn().stream().map(Unit::name).toList());
    assertEquals("crds", runtime.layer(), "the first layer");
    for (Unit unit : compilation.units()) {
      assertFalse(unit.dependsOn().contains(runtime), unit + " waits for the runtime");
    }
  }

  @Test
  void theDerivedRoleHasNoWildcardAndGrantsNoClusterAdmin() {
    Unit runtime = runtime(compile(CLUSTER));
    for (KubeObject object : runtime.objects()) {
      if (object.kind().endsWith("Role")) {
        for (Object rule : (List<?>) object.get("rules")) {
          for (Object values : ((Map<?, ?>) rule).values()) {
            for (Object value : (List<?>) values) {
              assertFalse(value.toString().contains("*"), object.name() + " has a wildcard: " + rule);
            }
          }
        }
      }
      if (object.kind().endsWith("Binding")) {
        assertEquals("clusterc-lab", ((Map<?, ?>) object.get("roleRef")).get("name"), "binds only its own role");
      }
    }
  }

  @Test
  void secretsAreGrantedOnlyInTheNamespacesThatHoldOne() {
    Unit runtime = runtime(compile(CLUSTER));
    KubeObject clusterRole = runtime.objects().stream().filter(o -> o.kind().equals("ClusterRole")).findFirst().orElseThrow();
    assertFalse(YamlWriter.toYaml(clusterRole).contains("secrets"), "the ClusterRole grants no Secret");
    List<String> withSecrets = runtime.objects().stream().filter(o -> o.kind().equals("Role"))
        .filter(o -> YamlWriter.toYaml(o).contains("- secrets")).map(KubeObject::namespace).toList();
    assertEquals(List.of("shop"), withSecrets);
  }

  @Test
  void credentialsFollowTheSchemeOrTheEntry() {
    assertEquals(List.of("apply", "--watch", "--git", "ssh://git@git.example/lab.git", "--branch", "main", "--path", ".",
            "--git-cache", "/var/cache/clusterc", "--git-ssh-key", "/var/run/clusterc/git/identity",
            "--git-known-hosts", "/var/run/clusterc/git/known_hosts", "--leader-elect", "--lease-namespace", "clusterc-system", "--lease-name", "clusterc-lab",
            "--status-address", "0.0.0.0:9090", "--log-format", "json"),
        args("repository \"ssh://git@git.example/lab.git\"; secret \"git\"; image \"i:1\""));
    assertTrue(args("repository \"https://git.example/lab.git\"; secret \"git\"; image \"i:1\"")
        .contains("--git-token-file"));
    assertTrue(args("repository \"git@git.example:lab.git\"; secret \"git\"; credentials ssh; image \"i:1\"")
        .contains("--git-ssh-key"));
    List<String> anonymous = args("repository \"https://git.example/lab.git\"; image \"i:1\"");
    assertFalse(anonymous.contains("--git-token-file") || anonymous.contains("--git-ssh-key"), anonymous.toString());
  }

  @Test
  void theNextStepsCreateTheCredentialsAndApplyOnce() {
    var step = compile(CLUSTER).nextSteps(false).stream()
        .filter(s -> s.kind() == NextStep.Kind.IN_CLUSTER_RUNTIME).findFirst().orElseThrow();
    assertEquals(List.of("kubectl create namespace clusterc-system",
        "kubectl create secret generic clusterc-git --namespace=clusterc-system --from-file=token=TOKEN_FILE",
        "clusterc apply clusters/lab"), step.commands());
    assertTrue(compile(CLUSTER).nextSteps(false).stream()
        .noneMatch(s -> s.kind() == NextStep.Kind.NO_DEPLOYER), "the runtime deploys it");
  }

  @Test
  void withoutGitopsClustercThereIsNoRuntimeUnit() {
    Compilation compilation = compile(CLUSTER.replace("gitops clusterc", "gitops argocd")
        .replace("    secret \"clusterc-git\"\n    image \"ghcr.io/clusterc/clusterc:0.1.0\"\n", "")
        );
    assertTrue(compilation.units().stream().noneMatch(u -> u.name().equals(RuntimeUnitEmitter.UNIT)));
  }

  private static List<String> args(String entries) {
    String text = "cluster lab {\n  domain \"lab.example\"\n  network { nodes 10.0.0.0/24 }\n  gitops clusterc { " + entries
        + " }\n}\nnode cp1 { role control-plane; address 10.0.0.2 }\n";
    KubeObject deployment = runtime(compile(text)).objects().stream().filter(o -> o.kind().equals("Deployment")).findFirst()
        .orElseThrow();
    Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) deployment.map("spec").get("template")).get("spec");
    return ((List<?>) ((Map<?, ?>) ((List<?>) spec.get("containers")).get(0)).get("args")).stream().map(String::valueOf).toList();
  }
}
