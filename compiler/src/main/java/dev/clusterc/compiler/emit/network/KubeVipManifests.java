package dev.clusterc.compiler.emit.network;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.ServiceAccountBinding;
import dev.clusterc.compiler.emit.core.Unit;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private KubeVipManifests() {}

  /** Adds the vip's objects to its unit, in apply order. */
  static void addTo(Unit unit, Decl vip, EmitContext context) {
    String name = "kube-vip-" + vip.name();
    unit.add(new ServiceAccountBuilder().withMetadata(context.meta(vip, name, NAMESPACE)).build());
    unit.add(new ClusterRoleBuilder().withMetadata(context.meta(vip, name, null)).withRules(rules()).build());
    unit.add(ServiceAccountBinding.of(context, vip, true, name, NAMESPACE));
    unit.add(daemonSet(vip, name, context));
  }

  private static List<PolicyRule> rules() {
    return List.of(
        rule("", List.of("services/status"), List.of("update")),
        rule("", List.of("services", "endpoints"), List.of("list", "get", "watch", "update")),
        rule("", List.of("nodes"), List.of("list", "get", "watch", "update", "patch")),
        rule("coordination.k8s.io", List.of("leases"), List.of("list", "get", "watch", "update", "create")),
        rule("discovery.k8s.io", List.of("endpointslices"), List.of("list", "get", "watch", "update")),
        rule("", List.of("pods"), List.of("list")));
  }

  private static PolicyRule rule(String group, List<String> resources, List<String> verbs) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resources).withVerbs(verbs).build();
  }

  private static HasMetadata daemonSet(Decl vip, String name, EmitContext context) {
    ObjectMeta meta = context.meta(vip, name, NAMESPACE);
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put("app.kubernetes.io/name", vip.name());
    selector.put("app.kubernetes.io/component", "kube-vip");
    Map<String, String> podLabels = new LinkedHashMap<>(meta.getLabels());
    podLabels.put("app.kubernetes.io/component", "kube-vip");
    List<Decl> nodes = vip.body().first("on").map(e -> e.refs("value")).orElse(List.of());
    NodeSelectorRequirementBuilder placement = nodes.isEmpty()
        ? new NodeSelectorRequirementBuilder().withKey(CONTROL_PLANE).withOperator("Exists")
        : new NodeSelectorRequirementBuilder().withKey("kubernetes.io/hostname").withOperator("In")
            .withValues(nodes.stream().map(Decl::name).toList());
    return new DaemonSetBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withNewSelector().withMatchLabels(selector).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(podLabels).endMetadata()
        .withNewSpec()
        .withServiceAccountName(name)
        .withHostNetwork(true)
        .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm().withMatchExpressions(placement.build()).endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
        .withTolerations(
            new TolerationBuilder().withKey(CONTROL_PLANE).withOperator("Exists").withEffect("NoSchedule").build(),
            new TolerationBuilder().withKey(CONTROL_PLANE).withOperator("Exists").withEffect("NoExecute").build())
        .addNewContainer()
        .withName("kube-vip")
        .withImage(IMAGE)
        .withArgs("manager")
        .withEnv(env(vip, name))
        .withNewSecurityContext().withNewCapabilities().withAdd("NET_ADMIN", "NET_RAW").endCapabilities().endSecurityContext()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static List<EnvVar> env(Decl vip, String name) {
    List<EnvVar> env = new ArrayList<>();
    env.add(value("vip_arp", "true"));
    env.add(value("port", "6443"));
    vip.body().str("interface").ifPresent(i -> env.add(value("vip_interface", i)));
    env.add(new EnvVarBuilder().withName("vip_nodename")
        .withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName").endFieldRef().endValueFrom().build());
    env.add(value("cp_enable", "true"));
    env.add(value("cp_namespace", NAMESPACE));
    env.add(value("svc_enable", "false"));
    env.add(value("vip_leaderelection", "true"));
    env.add(value("vip_leasename", name));
    env.add(value("vip_leaseduration", "5"));
    env.add(value("vip_renewdeadline", "3"));
    env.add(value("vip_retryperiod", "1"));
    env.add(value("address", vip.body().typed("address", Typed.Addr.class).map(a -> a.value().toString()).orElse("")));
    return env;
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }
}
