package dev.clusterc.compiler.emit.network;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.ServiceAccountBinding;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Vip;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kube-vip objects of a {@code vip … via kube-vip}, all named {@code kube-vip-NAME}: a
 * ServiceAccount, the ClusterRole kube-vip's upstream RBAC manifest grants (leases for leader
 * election; services, endpoints, endpoint slices and nodes it watches and updates), its binding, and
 * the DaemonSet.
 *
 * <p>The DaemonSet runs kube-vip in control-plane mode over ARP ({@code vip_arp}, {@code cp_enable},
 * {@code vip_leaderelection} with a lease of its own, so two VIPs do not share one), with the address
 * and the optional interface as environment, on the host network with {@code NET_ADMIN} and
 * {@code NET_RAW}. It is placed on control-plane nodes ({@code node-role.kubernetes.io/control-plane}
 * exists), or with {@code on [NODE…]} on those nodes by {@code kubernetes.io/hostname} (a node's name
 * is its hostname), and tolerates the control-plane taint. Service load balancing stays off
 * ({@code svc_enable: false}): pools do that.
 */
final class KubeVipManifests {
  /** kube-vip v1.0.1, the release of the standard library's kube-vip chart 0.9.1. */
  static final String IMAGE = "ghcr.io/kube-vip/kube-vip:v1.0.1";
  static final String CONTROL_PLANE = "node-role.kubernetes.io/control-plane";
  private static final String NAMESPACE = "kube-system";
  private static final String RBAC = "rbac.authorization.k8s.io/v1";

  private KubeVipManifests() {}

  /** Adds the vip's objects to its unit, in apply order. */
  static void addTo(Unit unit, Decl decl, EmitContext context) {
    Vip vip = Vip.of(context.program().model(), decl);
    String name = "kube-vip-" + decl.name();
    unit.add(context.object(decl, "v1", "ServiceAccount", name, NAMESPACE));
    KubeObject role = context.object(decl, RBAC, "ClusterRole", name, null);
    role.put("rules", rules());
    unit.add(role);
    unit.add(ServiceAccountBinding.of(context, decl, true, name, NAMESPACE));
    unit.add(daemonSet(vip, name, context));
  }

  private static List<Object> rules() {
    return list(
        rule("", list("services/status"), list("update")),
        rule("", list("services", "endpoints"), list("list", "get", "watch", "update")),
        rule("", list("nodes"), list("list", "get", "watch", "update", "patch")),
        rule("coordination.k8s.io", list("leases"), list("list", "get", "watch", "update", "create")),
        rule("discovery.k8s.io", list("endpointslices"), list("list", "get", "watch", "update")),
        rule("", list("pods"), list("list")));
  }

  private static Map<String, Object> rule(String group, List<Object> resources, List<Object> verbs) {
    return map("apiGroups", list(group), "resources", resources, "verbs", verbs);
  }

  private static KubeObject daemonSet(Vip vip, String name, EmitContext context) {
    KubeObject daemonSet = context.object(vip.decl(), "apps/v1", "DaemonSet", name, NAMESPACE);
    Map<String, Object> podLabels = new TreeMap<>(daemonSet.labels());
    podLabels.put("app.kubernetes.io/component", "kube-vip");
    Map<String, Object> placement = vip.on().isEmpty()
        ? map("key", CONTROL_PLANE, "operator", "Exists")
        : map("key", "kubernetes.io/hostname", "operator", "In", "values", vip.on().stream().map(Decl::name).toList());
    Map<String, Object> container = map(
        "name", "kube-vip",
        "image", IMAGE,
        "args", list("manager"),
        "env", env(vip, name),
        "securityContext", map("capabilities", map("add", list("NET_ADMIN", "NET_RAW"))));
    Map<String, Object> podSpec = map(
        "serviceAccountName", name,
        "hostNetwork", true,
        "affinity", map("nodeAffinity", map("requiredDuringSchedulingIgnoredDuringExecution",
            map("nodeSelectorTerms", list(map("matchExpressions", list(placement)))))),
        "tolerations", list(
            map("key", CONTROL_PLANE, "operator", "Exists", "effect", "NoSchedule"),
            map("key", CONTROL_PLANE, "operator", "Exists", "effect", "NoExecute")),
        "containers", list(container));
    daemonSet.put("spec", map(
        "selector", map("matchLabels", map("app.kubernetes.io/name", vip.decl().name(), "app.kubernetes.io/component", "kube-vip")),
        "template", map("metadata", map("labels", podLabels), "spec", podSpec)));
    return daemonSet;
  }

  private static List<Object> env(Vip vip, String name) {
    return list(
        value("vip_arp", "true"),
        value("port", "6443"),
        vip.networkInterface() == null ? null : value("vip_interface", vip.networkInterface()),
        map("name", "vip_nodename", "valueFrom", map("fieldRef", map("fieldPath", "spec.nodeName"))),
        value("cp_enable", "true"),
        value("cp_namespace", NAMESPACE),
        value("svc_enable", "false"),
        value("vip_leaderelection", "true"),
        value("vip_leasename", name),
        value("vip_leaseduration", "5"),
        value("vip_renewdeadline", "3"),
        value("vip_retryperiod", "1"),
        value("address", vip.address() == null ? "" : vip.address().toString()));
  }

  private static Map<String, Object> value(String name, String value) {
    return map("name", name, "value", value);
  }
}
