package dev.clusterc.compiler.emit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Ipv4;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PoolEmitterTest {
  @Test
  void ciliumL2IsAnIpPoolAndAnAnnouncementFromTheWorkers() {
    assertEquals("""
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:14
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: lb
            app.kubernetes.io/part-of: test
          name: lb
        spec:
          blocks:
            - start: 10.0.0.100
              stop: 10.0.0.199
        ---
        apiVersion: cilium.io/v2alpha1
        kind: CiliumL2AnnouncementPolicy
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:14
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: lb
            app.kubernetes.io/part-of: test
          name: lb
        spec:
          loadBalancerIPs: true
          nodeSelector:
            matchExpressions:
              - key: node-role.kubernetes.io/control-plane
                operator: DoesNotExist
        """, PlatformEmitFixture.homelab().yaml("lb"));
  }

  @Test
  void ciliumCidrIsACidrBlockAndBgpAnnouncesNothingItself() {
    assertEquals("""
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:9
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: lb
            app.kubernetes.io/part-of: test
          name: lb
        spec:
          blocks:
            - cidr: 10.0.0.128/25
        """, PlatformEmitFixture.emit(PlatformEmitFixture.program(CILIUMBGP)).yaml("lb"));
  }

  @Test
  void withoutWorkersEveryNodeAnnounces() {
    Program program = dev.clusterc.compiler.CheckFixture.program(SINGLE);
    assertEquals("""
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:7
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: lb
            app.kubernetes.io/part-of: solo
          name: lb
        spec:
          blocks:
            - start: 10.0.0.100
              stop: 10.0.0.110
        ---
        apiVersion: cilium.io/v2alpha1
        kind: CiliumL2AnnouncementPolicy
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:7
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: lb
            app.kubernetes.io/part-of: solo
          name: lb
        spec:
          loadBalancerIPs: true
        """, PlatformEmitFixture.emit(program).yaml("lb"));
  }

  @Test
  void metallbL2IsAnAddressPoolAndAnAdvertisementInMetallbsNamespace() {
    assertEquals("""
        apiVersion: metallb.io/v1beta1
        kind: IPAddressPool
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:9
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: lb
            app.kubernetes.io/part-of: test
          name: lb
          namespace: metallb-system
        spec:
          addresses:
            - 10.0.0.100-10.0.0.150
            - 10.0.0.192/27
        ---
        apiVersion: metallb.io/v1beta1
        kind: L2Advertisement
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:9
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: lb
            app.kubernetes.io/part-of: test
          name: lb
          namespace: metallb-system
        spec:
          ipAddressPools:
            - lb
          nodeSelectors:
            - matchExpressions:
                - key: node-role.kubernetes.io/control-plane
                  operator: DoesNotExist
        """, PlatformEmitFixture.emit(PlatformEmitFixture.program(METALLB)).yaml("lb"));
  }

  @Test
  void metallbBgpIsTheAddressPoolAlone() {
    assertEquals("""
        apiVersion: metallb.io/v1beta1
        kind: IPAddressPool
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:9
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: lb
            app.kubernetes.io/part-of: test
          name: lb
          namespace: metallb-system
        spec:
          addresses:
            - 10.0.0.160/28
        """, PlatformEmitFixture.emit(PlatformEmitFixture.program(METALLBBGP)).yaml("lb"));
  }

  @Test
  void pinningNamesTheAnnotationOfThePoolHoldingTheAddress() throws Exception {
    Program cilium = PlatformEmitFixture.program(CILIUMBGP);
    assertEquals(Map.of("lbipam.cilium.io/ips", "10.0.0.200"), PoolEmitter.pinning(cilium, Ipv4.parse("10.0.0.200")));
    assertEquals(Map.of(), PoolEmitter.pinning(cilium, Ipv4.parse("10.0.0.20")));
    Program metallb = PlatformEmitFixture.program(METALLB);
    assertEquals(Map.of("metallb.universe.tf/loadBalancerIPs", "10.0.0.200"), PoolEmitter.pinning(metallb, Ipv4.parse("10.0.0.200")));
    assertEquals(Optional.of("metallb"), PoolEmitter.providerOf(metallb, Ipv4.parse("10.0.0.120")));
    assertEquals(Optional.empty(), PoolEmitter.providerOf(metallb, Ipv4.parse("10.0.0.160")));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.POOL);
  }

  static final String CILIUMBGP = """
      use cilium
      pool lb { range 10.0.0.128/25; announce bgp; via cilium }
      """;

  static final String SINGLE = """
      cluster solo {
        domain "example.org"
        network { nodes 10.0.0.0/24 }
      }
      node only { role control-plane; address 10.0.0.2 }
      use cilium
      pool lb { range 10.0.0.100..10.0.0.110; via cilium }
      """;

  static final String METALLB = """
      use metallb
      pool lb {
        range 10.0.0.100..10.0.0.150
        range 10.0.0.192/27
        via   metallb
      }
      """;

  static final String METALLBBGP = """
      use metallb
      pool lb { range 10.0.0.160/28; announce bgp; via metallb }
      """;
}
