package dev.clusterc.compiler.emit.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.schema.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DnsEmitterTest {
  @Test
  void k8sGatewayIsAHelmReleaseOfTheComponentsOciSourceForTheClusterDomain() {
    assertEquals("""
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:43
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: split
            app.kubernetes.io/part-of: test
          name: split
          namespace: k8s-gateway
        spec:
          chartRef:
            kind: OCIRepository
            name: k8s-gateway
          interval: 10m0s
          values:
            domain: example.org
            service:
              annotations:
                lbipam.cilium.io/ips: 10.0.0.100
              type: LoadBalancer
            watchedResources:
              - HTTPRoute
              - Service
        """, PlatformEmitFixture.homelab().yaml("split"));
  }

  @Test
  void zoneMetallbAnnotationAndTheUsesValuesMergedUnderTheDeclarations() {
    assertEquals("""
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:11
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: home
            app.kubernetes.io/part-of: test
          name: home
          namespace: k8s-gateway
        spec:
          chartRef:
            kind: OCIRepository
            name: k8s-gateway
          interval: 10m0s
          values:
            domain: home.example.org
            service:
              annotations:
                metallb.universe.tf/loadBalancerIPs: 10.0.0.100
              port: 5353
              type: LoadBalancer
            ttl: 30
            watchedResources:
              - HTTPRoute
              - Service
        """, PlatformEmitFixture.emit(PlatformEmitFixture.program(DNSMETALLB)).yaml("home"));
  }

  @Test
  void anHttpsChartIsReadFromTheComponentsHelmRepository() {
    assertEquals("""
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:14
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: home
            app.kubernetes.io/part-of: test
          name: home
          namespace: my-dns
        spec:
          chart:
            spec:
              chart: k8s-gateway
              sourceRef:
                kind: HelmRepository
                name: my-dns
              version: 2.4.0
          interval: 10m0s
          values:
            domain: example.org
            service:
              annotations:
                lbipam.cilium.io/ips: 10.0.0.100
              type: LoadBalancer
            watchedResources:
              - HTTPRoute
              - Service
        """, PlatformEmitFixture.emit(PlatformEmitFixture.program(DNSHTTPS)).yaml("home"));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.DNS);
  }

  static final String DNSMETALLB = """
      use metallb
      use k8s-gateway { values { ttl: 30, service: { port: 5353 } } }
      pool lb { range 10.0.0.100..10.0.0.150; via metallb }
      dns home { address 10.0.0.100; zone "home.example.org" }
      """;

  static final String DNSHTTPS = """
      use cilium
      component my-dns {
        chart    "https://charts.example.org" name "k8s-gateway" version "2.4.0"
        provides ["dns:k8s-gateway"]
      }
      pool lb { range 10.0.0.100..10.0.0.150; via cilium }
      dns home { address 10.0.0.100 }
      """;
}
