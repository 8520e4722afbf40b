package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.NetworkPlan;
import dev.clusterc.compiler.model.Node;
import dev.clusterc.compiler.model.Vip;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.AddressRange;
import dev.clusterc.compiler.types.Cidr;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What Cilium reads from its values: in {@code cluster-pool} IPAM mode its operator carves node
 * pod networks out of {@code ipam.operator.clusterPoolIPv4PodCIDRList}, which must be the cluster's
 * {@code network.pods}; with kube-proxy replacement its agents reach the API server at
 * {@code k8sServiceHost:k8sServicePort}, which must be the control plane's VIP on 6443 (on Talos,
 * KubePrism on localhost:7445), else the first control-plane node.
 *
 * <p>The chart's defaults are restated from the cilium chart 1.18.4 ({@code values.yaml}), the
 * version the standard library pins; rendering the chart would need it fetched from its repository,
 * which tests do not reach.
 */
class CiliumIpamTruthTest {
  /** cilium 1.18.4 values.yaml: IPAM mode and pool, API server address, kube-proxy replacement. */
  static final Map<String, Object> CHART_DEFAULTS = Map.of(
      "ipam", Map.of("mode", "cluster-pool", "operator", Map.of("clusterPoolIPv4PodCIDRList", List.of("10.0.0.0/8"))),
      "k8sServiceHost", "",
      "k8sServicePort", "",
      "kubeProxyReplacement", "false");

  static final Map<String, String> INLINE = Map.of(
      "without-vip", CheckFixture.FLUX_BASE + "use cilium\n",
      "kube-vip", """
          cluster test {
            domain "example.org"
            network { nodes 10.0.0.0/24; router 10.0.0.1; pods 10.244.0.0/16; services 10.96.0.0/12 }
            gitops flux { repository "https://git.example/test" }
          }
          node cp { role control-plane; address 10.0.0.2 }
          vip api { address 10.0.0.50; on control-plane; via kube-vip }
          use cilium
          """,
      "talos", CheckFixture.FLUX_BASE + """
          vip api { address 10.0.0.50; on control-plane; via talos }
          use cilium
          """);

  @TestFactory
  Stream<DynamicTest> ciliumUsesThePodNetworkAndFindsTheApiServer() {
    return TruthClusters.all(INLINE).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertTruth(c)));
  }

  @Test
  void theClustersIncludeCilium() {
    long withCilium = TruthClusters.all(INLINE).stream()
        .filter(c -> !ChartReleases.ofChart(c.compilation(), "cilium").isEmpty()).count();
    assertTrue(withCilium >= 5, "the homelab and seed 001 examples and the three inline clusters release Cilium: " + withCilium);
  }

  /** The chart's default pool overlaps the node network of the test clusters: leaving it is not harmless. */
  @Test
  void theChartsDefaultPoolOverlapsTheNodeNetwork() throws Exception {
    AddressRange defaults = AddressRange.of(Cidr.parse("10.0.0.0/8"));
    assertTrue(defaults.overlaps(AddressRange.of(Cidr.parse("10.0.0.0/24"))));
  }

  static void assertTruth(TruthClusters.Case c) {
    for (ChartReleases.Release release : ChartReleases.ofChart(c.compilation(), "cilium")) {
      Map<String, Object> values = release.effectiveValues(CHART_DEFAULTS);
      NetworkPlan.Network pods = Cluster.of(c.program().model()).orElseThrow().network().pods().orElseThrow();
      assertEquals("cluster-pool", ChartReleases.at(values, "ipam.mode"), c.name() + ": Cilium's IPAM mode");
      assertEquals(List.of(pods.text()), ChartReleases.at(values, "ipam.operator.clusterPoolIPv4PodCIDRList"),
          c.name() + ": Cilium's pod address pool is network.pods");
      Object replacement = values.get("kubeProxyReplacement");
      if (Boolean.TRUE.equals(replacement) || "true".equals(replacement)) {
        assertApiServer(c, values);
      }
    }
  }

  private static void assertApiServer(TruthClusters.Case c, Map<String, Object> values) {
    Program program = c.program();
    String host = String.valueOf(values.get("k8sServiceHost"));
    String port = String.valueOf(values.get("k8sServicePort"));
    List<Vip> vips = program.decls(Kind.VIP).stream().map(d -> Vip.of(program.model(), d)).toList();
    if (vips.stream().anyMatch(Vip::viaTalos)) {
      assertTrue(Set.of("localhost", "127.0.0.1").contains(host) && port.equals("7445"),
          c.name() + ": on Talos Cilium reaches the API server through KubePrism, not " + host + ":" + port);
    } else if (!vips.isEmpty()) {
      assertEquals(vips.get(0).address() + ":6443", host + ":" + port, c.name() + ": Cilium reaches the API server at the VIP");
    } else {
      Node first = Node.withRole(program.model(), Node.CONTROL_PLANE).get(0);
      assertEquals(first.address() + ":6443", host + ":" + port, c.name() + ": Cilium reaches the API server at "
          + labelOf(first.decl()));
    }
  }

  private static String labelOf(Decl decl) {
    return decl.label();
  }
}
