package dev.clusterc.compiler.emit.incluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.kube.KubeObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link AccessRules} turns objects into rules: plurals, merged verbs, roles held or named. */
class AccessRulesTest {
  private static final String RBAC = "rbac.authorization.k8s.io";
  private static final List<String> WRITE = AccessRules.WRITE;

  private static KubeObject object(String apiVersion, String kind, String name, String namespace) {
    return KubeObject.of(apiVersion, kind, name, namespace);
  }

  private static Map<String, Object> rule(String group, List<String> resources, List<String> verbs) {
    return Map.of("apiGroups", List.of(group), "resources", resources, "verbs", verbs);
  }

  /** The rules without the ones every cluster gets (namespaces, pods, claims, events). */
  private static List<Object> own(AccessRules rules) {
    return rules.clusterRules().stream().filter(r -> {
      Object resources = ((Map<?, ?>) r).get("resources");
      return resources == null || !List.of(List.of("events"), List.of("namespaces", "persistentvolumeclaims", "pods")).contains(resources);
    }).toList();
  }

  @Test
  void pluralsFollowKubernetesSpelling() {
    assertEquals(List.of("ingresses", "networkpolicies", "gateways", "endpoints", "httproutes", "ipaddresspools", "proxies",
            "meshes"),
        List.of("Ingress", "NetworkPolicy", "Gateway", "Endpoints", "HTTPRoute", "IPAddressPool", "Proxy", "Mesh").stream()
            .map(Plurals::of).toList());
  }

  @Test
  void aCrdAmongTheObjectsNamesItsKindsResource() {
    KubeObject crd = object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "matrices.example.org", null)
        .put("spec", Map.of("group", "example.org", "names", Map.of("kind", "Matrix", "plural", "matrices")));
    AccessRules rules = AccessRules.derive(List.of(crd, object("example.org/v1", "Matrix", "m", "lab")));
    assertEquals(List.of(rule("apiextensions.k8s.io", List.of("customresourcedefinitions"), WRITE),
        rule("example.org", List.of("matrices"), WRITE)), own(rules));
  }

  @Test
  void aRoleIsHeldUnlessItNeedsAWildcardThenItIsNamed() {
    KubeObject plain = object(RBAC + "/v1", "ClusterRole", "reader", null).put("rules", List.of(
        Map.of("apiGroups", List.of(""), "resources", List.of("configmaps", "nodes"), "verbs", List.of("get", "list")),
        Map.of("nonResourceURLs", List.of("/metrics"), "verbs", List.of("get"))));
    KubeObject wild = object(RBAC + "/v1", "ClusterRole", "operator", null).put("rules", List.of(
        Map.of("apiGroups", List.of("*"), "resources", List.of("*"), "verbs", List.of("*"))));
    KubeObject aggregated = object(RBAC + "/v1", "ClusterRole", "view-all", null)
        .put("aggregationRule", Map.of("clusterRoleSelectors", List.of(Map.of("matchLabels", Map.of("a", "b")))));
    KubeObject builtIn = object(RBAC + "/v1", "RoleBinding", "web-view", "web")
        .put("roleRef", Map.of("apiGroup", RBAC, "kind", "ClusterRole", "name", "view"));
    AccessRules rules = AccessRules.derive(List.of(plain, wild, aggregated, builtIn));
    assertEquals(List.of(
            rule("", List.of("configmaps", "nodes"), List.of("get", "list")),
            Map.of("apiGroups", List.of(RBAC), "resources", List.of("clusterroles"), "resourceNames", List.of("operator"),
                "verbs", List.of("escalate", "bind")),
            Map.of("apiGroups", List.of(RBAC), "resources", List.of("clusterroles"), "resourceNames", List.of("view-all"),
                "verbs", List.of("escalate", "bind")),
            rule(RBAC, List.of("clusterroles", "rolebindings"), WRITE),
            Map.of("nonResourceURLs", List.of("/metrics"), "verbs", List.of("get"))),
        own(rules));
    assertEquals(Map.of("web", List.of(Map.of("apiGroups", List.of(RBAC), "resources", List.of("clusterroles"),
            "resourceNames", List.of("view"), "verbs", List.of("bind")))),
        rules.namespacedRules(), "a built-in role a RoleBinding names is bound by name in its namespace");
  }

  @Test
  void secretsAreGrantedInTheirNamespaceOnly() {
    AccessRules rules = AccessRules.derive(List.of(object("v1", "Secret", "a", "shop"), object("v1", "Secret", "b", "shop"),
        object("v1", "ConfigMap", "c", "shop")));
    assertEquals(List.of(rule("", List.of("configmaps"), WRITE)), own(rules));
    assertEquals(Map.of("shop", List.of(rule("", List.of("secrets"), WRITE))), rules.namespacedRules());
  }
}
