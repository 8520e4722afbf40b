package dev.clusterc.compiler.emit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.emit.AppTestSupport;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.Examples;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.testapiserver.ServerSideApply;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the API server's RBAC authorizer makes of an app's {@code access}: the ServiceAccount,
 * role and binding are applied for real, and a SubjectAccessReview asks the authorizer itself
 * whether the pods' account ({@code system:serviceaccount:NAMESPACE:APP}) may do what the rules say,
 * and may not do what they leave out. So a binding to the wrong account, a role the binding does not
 * name or a rule in the wrong group fails here, though the schema accepts each of them.
 */
@WithTestApiServer
class AppAccessTruthTest {
  static KubernetesClient client;

  private static final ResourceDefinitionContext REVIEWS = new ResourceDefinitionContext.Builder()
      .withGroup("authorization.k8s.io").withVersion("v1").withKind("SubjectAccessReview").withPlural("subjectaccessreviews")
      .withNamespaced(false).build();

  @Test
  void theFailoverMonitorMayWatchNodesAndPatchDeploymentsEverywhereAndNothingMore() throws IOException {
    Compilation compilation = Examples.compile(Repo.root().resolve("examples/failover-pair"));
    Unit unit = compilation.units().stream().filter(u -> u.name().equals("volsync-failover")).findFirst().orElseThrow();
    applyAccess(unit.objects(), "volsync-failover");
    String account = "system:serviceaccount:volsync-failover:volsync-failover";
    assertEquals(true, allowed(account, "watch", "", "nodes", null));
    assertEquals(true, allowed(account, "patch", "apps", "deployments", "sonarr"));
    assertEquals(true, allowed(account, "patch", "volsync.backube", "replicationdestinations", "plex"));
    assertEquals(true, allowed(account, "list", "", "persistentvolumeclaims", "radarr"));
    assertEquals(false, allowed(account, "delete", "apps", "deployments", "sonarr"));
    assertEquals(false, allowed(account, "get", "", "secrets", "sonarr"));
    assertEquals(false, allowed("system:serviceaccount:volsync-failover:default", "watch", "", "nodes", null));
  }

  @Test
  void namespaceAccessHoldsInTheAppsNamespaceOnly() {
    var program = AppTestSupport.program("""
        app reader {
          namespace tools
          image "ghcr.io/example/reader:1.0.0"
          access namespace { rule [get, list] on ["configmaps", "pods/log"] }
        }
        """);
    Unit unit = AppTestSupport.emit(new AppEmitter(), program, Kind.APP, "reader");
    applyAccess(unit.objects(), "tools");
    String account = "system:serviceaccount:tools:reader";
    assertEquals(true, allowed(account, "get", "", "configmaps", "tools"));
    assertEquals(true, allowed(account, "get", "", "pods/log", "tools"));
    assertEquals(false, allowed(account, "get", "", "configmaps", "default"));
    assertEquals(false, allowed(account, "update", "", "configmaps", "tools"));
    assertEquals(List.of("ServiceAccount", "Role", "RoleBinding", "Deployment"),
        unit.objects().stream().map(KubeObject::kind).toList());
  }

  /** Applies the namespace, then the ServiceAccount and RBAC objects of an app, for real. */
  private static void applyAccess(List<KubeObject> objects, String namespace) {
    ServerSideApply.apply(client, new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build(), false);
    for (KubeObject object : objects) {
      if (List.of("ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding").contains(object.kind())) {
        ServerSideApply.applyYaml(client, YamlWriter.toYaml(object), false);
      }
    }
  }

  /** The authorizer's answer for a user, verb and resource (a subresource after {@code /}), in a namespace or cluster-wide. */
  private static boolean allowed(String user, String verb, String group, String resource, String namespace) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("verb", verb);
    attributes.put("group", group);
    int slash = resource.indexOf('/');
    attributes.put("resource", slash < 0 ? resource : resource.substring(0, slash));
    if (slash >= 0) {
      attributes.put("subresource", resource.substring(slash + 1));
    }
    if (namespace != null) {
      attributes.put("namespace", namespace);
    }
    GenericKubernetesResource review = new GenericKubernetesResource();
    review.setApiVersion("authorization.k8s.io/v1");
    review.setKind("SubjectAccessReview");
    review.setAdditionalProperty("spec", Map.of("user", user, "resourceAttributes", attributes));
    GenericKubernetesResource answer = client.genericKubernetesResources(REVIEWS).resource(review).create();
    Object status = answer.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("allowed"));
  }
}
