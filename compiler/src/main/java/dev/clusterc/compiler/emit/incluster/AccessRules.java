package dev.clusterc.compiler.emit.incluster;

import dev.clusterc.compiler.kube.KubeObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the in-cluster runtime may do, derived from the objects the cluster's units apply — least
 * privilege, no wildcard: for every kind the units use, the verbs an apply, its dry run, a wait, a
 * drift watch and a prune send ({@link #WRITE}) on that kind's resource; what the runtime reads
 * around them (namespaces, the pods a wait explains, the claims a namespace prune looks for) and the
 * Events it writes. Secrets are granted only in the namespaces that hold one of the cluster's, through
 * a Role there, so the runtime reads no other Secret; the ApplySet parent's ConfigMaps (kube-system) and
 * the Lease (clusterc-system) the same way.
 *
 * <p>Kubernetes lets a subject create a role, or bind one, only when it holds what the role grants
 * itself. So the rules of every ClusterRole and Role the units apply are granted too, the
 * ClusterRoles' cluster-wide and the Roles' in their namespace; a role that Kubernetes will not let
 * be held without a wildcard (a {@code *} in its rules, or an aggregation rule) is instead named in
 * {@code escalate} and {@code bind}, and a role a binding names but no unit applies (a built-in one
 * such as {@code view}) in {@code bind}.
 *
 * <p>A resource's plural comes from a CustomResourceDefinition among the objects when one defines the
 * kind, else from {@link Plurals} (the lower-case kind in the English {@code s}/{@code es}/{@code ies}
 * rule, {@code endpoints} aside) — a heuristic, right for every built-in kind and every CRD that follows
 * the convention.
 */
final class AccessRules {
  /** What the runtime sends for a kind it applies: read, dry-run and apply, watch for drift, prune. */
  static final List<String> WRITE = List.of("get", "list", "watch", "create", "update", "patch", "delete");
  static final List<String> READ = List.of("get", "list", "watch");
  static final List<String> RECORD = List.of("create", "patch");
  /** The order verbs are written in; others follow, sorted. */
  private static final List<String> VERB_ORDER = List.of("get", "list", "watch", "create", "update", "patch", "delete",
      "deletecollection", "escalate", "bind", "impersonate", "use", "approve", "sign");
  private static final String RBAC = "rbac.authorization.k8s.io";

  private final Grants cluster = new Grants();
  private final SortedMap<String, Grants> namespaces = new TreeMap<>();

  private AccessRules() {}

  /** The rules for {@code objects}, every object the cluster's units apply (the runtime unit's RBAC aside). */
  static AccessRules derive(Collection<KubeObject> objects) {
    AccessRules rules = new AccessRules();
    Map<String, String> plurals = crdPlurals(objects);
    Map<String, KubeObject> roles = new HashMap<>();
    for (KubeObject object : objects) {
      if (object.group().equals(RBAC) && (object.kind().equals("ClusterRole") || object.kind().equals("Role"))) {
        roles.put(roleKey(object.kind(), object.namespace(), object.name()), object);
      }
    }
    for (KubeObject object : objects) {
      String plural = plurals.getOrDefault(object.group() + "/" + object.kind(),
          Plurals.of(object.kind()));
      if (object.group().isEmpty() && object.kind().equals("Secret") && object.namespace() != null) {
        rules.in(object.namespace()).add("", "secrets", List.of(), WRITE);
      } else {
        rules.cluster.add(object.group(), plural, List.of(), WRITE);
      }
      if (object.group().equals(RBAC)) {
        rules.rbac(object, roles);
      }
    }
    rules.cluster.add("", "namespaces", List.of(), READ);
    rules.cluster.add("", "pods", List.of(), READ);
    rules.cluster.add("", "persistentvolumeclaims", List.of(), READ);
    rules.cluster.add("", "events", List.of(), RECORD);
    rules.cluster.add("events.k8s.io", "events", List.of(), RECORD);
    return rules;
  }

  /** Grants every verb the runtime sends ({@link #WRITE}) on a resource cluster-wide: the kinds the runtime unit applies itself. */
  void grantApplied(String group, String resource) {
    cluster.add(group, resource, List.of(), WRITE);
  }

  /** The grants in {@code namespace}, made on first use: a Role and RoleBinding there hold them. */
  Grants in(String namespace) {
    return namespaces.computeIfAbsent(namespace, n -> new Grants());
  }

  /** The ClusterRole's rules. */
  List<Object> clusterRules() {
    return cluster.rules();
  }

  /** Namespace → the rules of the Role there, sorted by namespace. */
  SortedMap<String, List<Object>> namespacedRules() {
    SortedMap<String, List<Object>> rules = new TreeMap<>();
    namespaces.forEach((namespace, grants) -> rules.put(namespace, grants.rules()));
    return rules;
  }

  /** A role's rules held, or its name escalated and bound; a binding's role that no unit applies bound by name. */
  private void rbac(KubeObject object, Map<String, KubeObject> roles) {
    String namespace = object.namespace();
    Grants grants = namespace == null ? cluster : in(namespace);
    switch (object.kind()) {
      case "ClusterRole", "Role" -> {
        String resource = object.kind().equals("Role") ? "roles" : "clusterroles";
        List<Map<?, ?>> ruleList = rulesOf(object);
        if (object.get("aggregationRule") != null || ruleList.stream().anyMatch(AccessRules::wild)) {
          grants.add(RBAC, resource, List.of(object.name()), List.of("escalate", "bind"));
        } else {
          ruleList.forEach(grants::addRule);
        }
      }
      case "ClusterRoleBinding", "RoleBinding" -> {
        if (object.get("roleRef") instanceof Map<?, ?> ref && ref.get("kind") instanceof String kind
            && ref.get("name") instanceof String name) {
          String roleNamespace = kind.equals("Role") ? namespace : null;
          if (!roles.containsKey(roleKey(kind, roleNamespace, name))) {
            grants.add(RBAC, kind.equals("Role") ? "roles" : "clusterroles", List.of(name), List.of("bind"));
          }
        }
      }
      default -> { }
    }
  }

  private static String roleKey(String kind, String namespace, String name) {
    return kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
  }

  private static List<Map<?, ?>> rulesOf(KubeObject role) {
    List<Map<?, ?>> rules = new ArrayList<>();
    if (role.get("rules") instanceof List<?> list) {
      list.stream().filter(Map.class::isInstance).map(r -> (Map<?, ?>) r).forEach(rules::add);
    }
    return rules;
  }

  private static boolean wild(Map<?, ?> rule) {
    for (String field : List.of("apiGroups", "resources", "verbs", "nonResourceURLs")) {
      if (strings(rule.get(field)).stream().anyMatch(s -> s.contains("*"))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  /** {@code GROUP/KIND} → plural, from the CustomResourceDefinitions among {@code objects}. */
  private static Map<String, String> crdPlurals(Collection<KubeObject> objects) {
    Map<String, String> plurals = new HashMap<>();
    for (KubeObject object : objects) {
      if (object.group().equals("apiextensions.k8s.io") && object.kind().equals("CustomResourceDefinition")
          && object.get("spec") instanceof Map<?, ?> spec && spec.get("group") instanceof String group
          && spec.get("names") instanceof Map<?, ?> names && names.get("kind") instanceof String kind
          && names.get("plural") instanceof String plural) {
        plurals.put(group + "/" + kind, plural);
      }
    }
    return plurals;
  }

  /**
   * Verbs by resource, merged: each (group, resource, names) key holds the union of its verbs, and a
   * rule is written per group and verb set, listing its resources — short, and the same on every run.
   */
  static final class Grants {
    private final SortedMap<List<String>, TreeSet<String>> resources = new TreeMap<>(AccessRules::compareKeys);
    private final SortedMap<String, TreeSet<String>> urls = new TreeMap<>();

    void add(String group, String resource, List<String> names, List<String> verbs) {
      List<String> key = new ArrayList<>(List.of(group, resource));
      key.addAll(names.stream().sorted().toList());
      resources.computeIfAbsent(List.copyOf(key), k -> new TreeSet<>()).addAll(verbs);
    }

    /** Adds a rule as written in a role: every group × resource pair, with its names and verbs. */
    void addRule(Map<?, ?> rule) {
      List<String> verbs = strings(rule.get("verbs"));
      for (String url : strings(rule.get("nonResourceURLs"))) {
        urls.computeIfAbsent(url, u -> new TreeSet<>()).addAll(verbs);
      }
      List<String> names = strings(rule.get("resourceNames"));
      for (String group : strings(rule.get("apiGroups"))) {
        for (String resource : strings(rule.get("resources"))) {
          add(group, resource, names, verbs);
        }
      }
    }

    List<Object> rules() {
      // group, names, verbs → resources: one rule each
      Map<List<Object>, TreeSet<String>> grouped = new LinkedHashMap<>();
      SortedMap<List<String>, TreeSet<String>> exact = new TreeMap<>(AccessRules::compareKeys);
      resources.forEach((key, verbs) -> {
        List<String> names = key.subList(2, key.size());
        if (names.isEmpty() || !covered(key.get(0), key.get(1), verbs)) {
          exact.put(key, verbs);
        }
      });
      exact.forEach((key, verbs) -> grouped.computeIfAbsent(List.of(key.get(0), key.subList(2, key.size()), ordered(verbs)),
          k -> new TreeSet<>()).add(key.get(1)));
      List<Map<String, Object>> rules = new ArrayList<>();
      grouped.forEach((key, resourceSet) -> {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("apiGroups", List.of(key.get(0)));
        rule.put("resources", List.copyOf(resourceSet));
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) key.get(1);
        if (!names.isEmpty()) {
          rule.put("resourceNames", List.copyOf(names));
        }
        rule.put("verbs", key.get(2));
        rules.add(rule);
      });
      rules.sort((a, b) -> {
        int byGroup = ((List<?>) a.get("apiGroups")).get(0).toString().compareTo(((List<?>) b.get("apiGroups")).get(0).toString());
        if (byGroup != 0) {
          return byGroup;
        }
        int byResource = ((List<?>) a.get("resources")).get(0).toString().compareTo(((List<?>) b.get("resources")).get(0).toString());
        return byResource != 0 ? byResource : String.valueOf(a.get("resourceNames")).compareTo(String.valueOf(b.get("resourceNames")));
      });
      Map<List<String>, TreeSet<String>> byVerbs = new LinkedHashMap<>();
      urls.forEach((url, verbs) -> byVerbs.computeIfAbsent(ordered(verbs), v -> new TreeSet<>()).add(url));
      byVerbs.forEach((verbs, urlSet) -> {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("nonResourceURLs", List.copyOf(urlSet));
        rule.put("verbs", verbs);
        rules.add(rule);
      });
      return new ArrayList<>(rules);
    }

    /** Whether the verbs of a name-restricted grant are all granted for every name already. */
    private boolean covered(String group, String resource, TreeSet<String> verbs) {
      TreeSet<String> all = resources.get(List.of(group, resource));
      return all != null && all.containsAll(verbs);
    }
  }

  private static List<String> ordered(Collection<String> verbs) {
    List<String> ordered = new ArrayList<>(VERB_ORDER.stream().filter(verbs::contains).toList());
    verbs.stream().filter(v -> !VERB_ORDER.contains(v)).sorted().forEach(ordered::add);
    return List.copyOf(ordered);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
