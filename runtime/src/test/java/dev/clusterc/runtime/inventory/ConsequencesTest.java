package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.TestObjects.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Consequences as a table: object before (live) and after (desired), the change, the claims of a
 * namespace → the risks and the words that must appear. An empty expectation means none.
 */
class ConsequencesTest {

  static Stream<Arguments> table() {
    return Stream.of(
        // claims and volumes
        row("claim pruned", pvc(), null, Change.PRUNED, List.of(), "DATA_LOSS", "PersistentVolumeClaim web/data"),
        row("claim re-created", pvc(), pvc(), Change.RECREATED, List.of(), "NEVER_RECREATED",
            "clusterc never does that, not even with --force or --prune-data"),
        row("volume re-created", yaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: nfs}\n"),
            yaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: nfs}\n"), Change.RECREATED, List.of(),
            "NEVER_RECREATED", "PersistentVolume nfs changed"),
        row("CRD re-created", yaml("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\n"),
            yaml("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\n"),
            Change.RECREATED, List.of(), "NEVER_RECREATED", "every custom resource of its kind"),
        row("volume pruned", yaml("apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: nfs}\n"), null,
            Change.PRUNED, List.of(), "DATA_LOSS", "volume's data"),
        row("claim configured", pvc(), pvc(), Change.CONFIGURED, List.of(), "", ""),
        row("claim created", null, pvc(), Change.CREATED, List.of(), "", ""),
        row("namespace with claims pruned", ns(), null, Change.PRUNED, List.of("data-0", "data-1"),
            "DATA_LOSS", "(data-0, data-1)"),
        row("empty namespace pruned", ns(), null, Change.PRUNED, List.of(), "", ""),
        // CloudNativePG
        row("instances 3 → 1", pg(3), pg(1), Change.CONFIGURED, List.of(), "FEWER_INSTANCES", "3 → 1, no standby left"),
        row("instances 3 → 2", pg(3), pg(2), Change.CONFIGURED, List.of(), "FEWER_INSTANCES",
            "3 → 2, 1 standby left instead of 2"),
        row("instances unset means 1", pg(2), yaml(pgYaml("")), Change.CONFIGURED, List.of(), "FEWER_INSTANCES", "2 → 1"),
        row("instances grow", pg(1), pg(3), Change.CONFIGURED, List.of(), "", ""),
        row("sync replicas outnumber standbys", pg(3), yaml(pgYaml("  instances: 2\n  minSyncReplicas: 2\n")),
            Change.CONFIGURED, List.of(), "FEWER_INSTANCES", "writes stop"),
        row("database pruned", pg(3), null, Change.PRUNED, List.of(), "DATA_LOSS", "CloudNativePG deletes"),
        // Service addresses
        row("cilium annotation moves", svc("lbipam.cilium.io/ips: 10.0.50.100", ""),
            svc("lbipam.cilium.io/ips: 10.0.50.101", ""), Change.CONFIGURED, List.of(), "ADDRESS_MOVES",
            "moves from 10.0.50.100 to 10.0.50.101"),
        row("metallb annotation kept", svc("metallb.universe.tf/loadBalancerIPs: 192.168.1.200", ""),
            svc("metallb.universe.tf/loadBalancerIPs: 192.168.1.200", ""), Change.CONFIGURED, List.of(), "", ""),
        row("provider annotation switched, same address", svc("metallb.universe.tf/loadBalancerIPs: 192.168.1.200", ""),
            svc("lbipam.cilium.io/ips: 192.168.1.200", ""), Change.CONFIGURED, List.of(), "", ""),
        row("kube-vip list reordered", svc("kube-vip.io/loadbalancerIPs: '10.0.0.1,10.0.0.2'", ""),
            svc("kube-vip.io/loadbalancerIPs: '10.0.0.2,10.0.0.1'", ""), Change.CONFIGURED, List.of(), "", ""),
        row("loadBalancerIP field moves", svc("", "  loadBalancerIP: 10.0.0.5\n"), svc("", "  loadBalancerIP: 10.0.0.6\n"),
            Change.CONFIGURED, List.of(), "ADDRESS_MOVES", "10.0.0.5 to 10.0.0.6"),
        row("pin dropped", svc("io.cilium/lb-ipam-ips: 10.0.0.5", ""), svc("", ""), Change.CONFIGURED, List.of(),
            "ADDRESS_MOVES", "no longer asks for 10.0.0.5"),
        row("pin differs from the assigned address", withIngress(svc("", ""), "10.0.0.9"),
            svc("metallb.io/loadBalancerIPs: 10.0.0.5", ""), Change.CONFIGURED, List.of(), "ADDRESS_MOVES",
            "from 10.0.0.9 to 10.0.0.5"),
        row("pin equals the assigned address", withIngress(svc("", ""), "10.0.0.5"),
            svc("metallb.io/loadBalancerIPs: 10.0.0.5", ""), Change.CONFIGURED, List.of(), "", ""),
        row("load balancer pruned", withIngress(svc("", ""), "10.0.0.9"), null, Change.PRUNED, List.of(),
            "ADDRESS_MOVES", "releases 10.0.0.9"),
        row("service re-created", svc("lbipam.cilium.io/ips: 10.0.50.100", ""),
            svc("lbipam.cilium.io/ips: 10.0.50.100", ""), Change.RECREATED, List.of(), "ADDRESS_MOVES",
            "re-creating Service web/web releases 10.0.50.100"),
        // Gateways
        row("gateway address moves", gw("spec:\n  addresses: [{type: IPAddress, value: 10.0.50.102}]\n"),
            gw("spec:\n  addresses: [{type: IPAddress, value: 10.0.50.103}]\n"), Change.CONFIGURED, List.of(),
            "ADDRESS_MOVES", "Gateway.gateway.networking.k8s.io kube-system/external moves from 10.0.50.102"),
        row("gateway infrastructure annotation moves",
            gw("spec:\n  infrastructure: {annotations: {metallb.universe.tf/loadBalancerIPs: 192.168.1.201}}\n"),
            gw("spec:\n  infrastructure: {annotations: {metallb.universe.tf/loadBalancerIPs: 192.168.1.202}}\n"),
            Change.CONFIGURED, List.of(), "ADDRESS_MOVES", "192.168.1.201 to 192.168.1.202"),
        row("gateway pruned", gw("spec:\n  addresses: [{type: IPAddress, value: 10.0.50.102}]\n"), null,
            Change.PRUNED, List.of(), "ADDRESS_MOVES", "releases 10.0.50.102"),
        // pools
        row("cilium pool shrinks", ciliumPool("{start: 10.0.50.100, stop: 10.0.50.199}"),
            ciliumPool("{start: 10.0.50.100, stop: 10.0.50.149}"), Change.CONFIGURED, List.of(), "ADDRESS_MOVES",
            "gives up 10.0.50.150-10.0.50.199"),
        row("cilium pool grows", ciliumPool("{cidr: 10.0.50.0/25}"), ciliumPool("{cidr: 10.0.50.0/24}"),
            Change.CONFIGURED, List.of(), "", ""),
        row("cilium pool rewritten, same addresses", ciliumPool("{cidr: 10.0.50.0/30}"),
            ciliumPool("{start: 10.0.50.0, stop: 10.0.50.3}"), Change.CONFIGURED, List.of(), "", ""),
        row("metallb pool shrinks", metallbPool("192.168.1.200-192.168.1.220"), metallbPool("192.168.1.200/30"),
            Change.CONFIGURED, List.of(), "ADDRESS_MOVES", "gives up 192.168.1.204-192.168.1.220"),
        row("ipv6 pool shrinks", metallbPool("fd00::/126"), metallbPool("fd00::/127"), Change.CONFIGURED, List.of(),
            "ADDRESS_MOVES", "fd00:0:0:0:0:0:0:2-fd00:0:0:0:0:0:0:3"),
        row("pool pruned", metallbPool("192.168.1.200-192.168.1.220"), null, Change.PRUNED, List.of(),
            "ADDRESS_MOVES", "takes away its addresses 192.168.1.200-192.168.1.220"),
        // nothing to say
        row("deployment configured", yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: b}\n"),
            yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: b}\n"), Change.CONFIGURED,
            List.of(), "", ""),
        row("kept claim", pvc(), null, Change.KEPT, List.of(), "", ""),
        row("unchanged service", svc("lbipam.cilium.io/ips: 10.0.50.100", ""), svc("lbipam.cilium.io/ips: 10.0.50.100", ""),
            Change.UNCHANGED, List.of(), "", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void consequences(String name, GenericKubernetesResource live, GenericKubernetesResource desired, Change change,
      List<String> claims, String risks, String words) {
    ObjectId id = ObjectId.of(live != null ? live : desired);
    List<Consequence> found = Consequences.of(id, live, desired, change, claims);
    assertEquals(risks, String.join(",", found.stream().map(c -> c.risk().name()).toList()), found.toString());
    assertTrue(found.stream().allMatch(c -> c.object().equals(id)));
    if (!words.isEmpty()) {
      assertTrue(found.get(0).message().contains(words), found.get(0).message());
    }
  }

  private static Arguments row(String name, GenericKubernetesResource live, GenericKubernetesResource desired,
      Change change, List<String> claims, String risks, String words) {
    return Arguments.of(name, live, desired, change, claims, risks, words);
  }

  private static GenericKubernetesResource pvc() {
    return yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: web}\n");
  }

  private static GenericKubernetesResource ns() {
    return yaml("apiVersion: v1\nkind: Namespace\nmetadata: {name: web}\n");
  }

  private static String pgYaml(String spec) {
    return "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: pg, namespace: db}\nspec:\n"
        + (spec.isEmpty() ? "  storage: {size: 1Gi}\n" : spec);
  }

  private static GenericKubernetesResource pg(int instances) {
    return yaml(pgYaml("  instances: " + instances + "\n"));
  }

  private static GenericKubernetesResource svc(String annotation, String spec) {
    return yaml("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: web\n"
        + (annotation.isEmpty() ? "" : "  annotations:\n    " + annotation + "\n")
        + "spec:\n  type: LoadBalancer\n" + spec);
  }

  private static GenericKubernetesResource withIngress(GenericKubernetesResource service, String ip) {
    service.setAdditionalProperty("status", java.util.Map.of("loadBalancer",
        java.util.Map.of("ingress", List.of(java.util.Map.of("ip", ip)))));
    return service;
  }

  private static GenericKubernetesResource gw(String spec) {
    return yaml("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: external, namespace: kube-system}\n"
        + spec);
  }

  private static GenericKubernetesResource ciliumPool(String block) {
    return yaml("apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: lb}\nspec:\n  blocks: ["
        + block + "]\n");
  }

  private static GenericKubernetesResource metallbPool(String range) {
    return yaml("apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: lb, namespace: metallb-system}\n"
        + "spec:\n  addresses: ['" + range + "']\n");
  }
}
