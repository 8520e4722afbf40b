package dev.clusterc.compiler.emit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.schema.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GatewayEmitterTest {
  @Test
  void ciliumGatewayPinsItsAddressInSpecAddressesAndTerminatesTlsWithTheCertificateSecret() {
    assertEquals("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:30
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: internal
            app.kubernetes.io/part-of: test
          name: internal
          namespace: kube-system
        spec:
          addresses:
            - type: IPAddress
              value: 10.0.0.101
          gatewayClassName: cilium
          listeners:
            - allowedRoutes:
                namespaces:
                  from: All
              hostname: '*.example.org'
              name: https
              port: 443
              protocol: HTTPS
              tls:
                certificateRefs:
                  - kind: Secret
                    name: wildcard-tls
        """, PlatformEmitFixture.homelab().yaml("internal"));
  }

  @Test
  void envoyGatewayPinsItsAddressThroughTheInfrastructureAnnotationOfTheCiliumPool() {
    assertEquals("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:15
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: web
            app.kubernetes.io/part-of: test
          name: web
          namespace: envoy-gateway-system
        spec:
          gatewayClassName: envoy-gateway
          infrastructure:
            annotations:
              lbipam.cilium.io/ips: 10.0.0.110
          listeners:
            - allowedRoutes:
                namespaces:
                  from: All
              name: http
              port: 8080
              protocol: HTTP
            - allowedRoutes:
                namespaces:
                  from: All
              hostname: www.example.org
              name: https
              port: 443
              protocol: HTTPS
              tls:
                certificateRefs:
                  - kind: Secret
                    name: site-tls
        """, emit(ENVOY).yaml("web"));
  }

  @Test
  void nginxPinsItsAddressThroughTheInfrastructureAnnotationOfTheMetallbPool() {
    assertEquals("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:11
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: web
            app.kubernetes.io/part-of: test
          name: web
          namespace: nginx-gateway
        spec:
          gatewayClassName: nginx
          infrastructure:
            annotations:
              metallb.universe.tf/loadBalancerIPs: 10.0.0.110
          listeners:
            - allowedRoutes:
                namespaces:
                  from: All
              name: http
              port: 80
              protocol: HTTP
        """, emit(NGINX).yaml("web"));
  }

  @Test
  void traefikServesFromItsChartsServiceSoTheGatewayCarriesNoAddress() {
    assertEquals("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:11
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: web
            app.kubernetes.io/part-of: test
          name: web
          namespace: traefik
        spec:
          gatewayClassName: traefik
          listeners:
            - allowedRoutes:
                namespaces:
                  from: All
              name: http
              port: 80
              protocol: HTTP
        """, emit(TRAEFIK).yaml("web"));
  }

  @Test
  void ciliumWithAMetallbPoolHasBothForms() {
    assertEquals("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:11
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: web
            app.kubernetes.io/part-of: test
          name: web
          namespace: kube-system
        spec:
          addresses:
            - type: IPAddress
              value: 10.0.0.110
          gatewayClassName: cilium
          infrastructure:
            annotations:
              metallb.universe.tf/loadBalancerIPs: 10.0.0.110
          listeners:
            - allowedRoutes:
                namespaces:
                  from: All
              name: http
              port: 80
              protocol: HTTP
        """, emit(CILIUM_METALLB).yaml("web"));
  }

  @Test
  void aCertificateInAnotherNamespaceIsReferencedThereAndGrantedByAReferenceGrant() {
    assertEquals("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:16
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: cg
            app.kubernetes.io/part-of: test
          name: cg
          namespace: kube-system
        spec:
          addresses:
            - type: IPAddress
              value: 10.0.0.111
          gatewayClassName: cilium
          listeners:
            - allowedRoutes:
                namespaces:
                  from: All
              hostname: www.example.org
              name: https
              port: 443
              protocol: HTTPS
              tls:
                certificateRefs:
                  - kind: Secret
                    name: site-tls
                    namespace: envoy-gateway-system
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:16
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: cg
            app.kubernetes.io/part-of: test
          name: gateway-cg
          namespace: envoy-gateway-system
        spec:
          from:
            - group: gateway.networking.k8s.io
              kind: Gateway
              namespace: kube-system
          to:
            - group: ""
              kind: Secret
              name: site-tls
        """, emit(SHARED).yaml("cg"));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.GATEWAY);
  }

  static PlatformEmitFixture.Emitted emit(String text) {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of(
        "secrets/cloudflare.sops.yaml", PlatformEmitFixture.sops("cf", "cert-manager", "api-token"),
        "secrets/aws.sops.yaml", PlatformEmitFixture.sops("aws", "cert-manager", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")));
    return PlatformEmitFixture.emit(PlatformEmitFixture.program(text, dir));
  }

  static final String ENVOY = """
      use cilium
      use envoy-gateway
      use cert-manager
      pool lb { range 10.0.0.100..10.0.0.199; via cilium }
      secret cf { sops "secrets/cloudflare.sops.yaml"; keys ["api-token"] }
      issuer le { email "a@example.org"; solver dns01 cloudflare token cf }
      certificate site { hosts ["www.example.org"]; issuer le }
      gateway web {
        address  10.0.0.110
        class    envoy-gateway
        listener http { port 8080 }
        listener https { hostname "WWW.example.org."; certificate site }
      }
      """;

  static final String NGINX = """
      use metallb
      use nginx-gateway
      pool lb { range 10.0.0.100..10.0.0.199; via metallb }
      gateway web { address 10.0.0.110; class nginx; listener http {} }
      """;

  static final String TRAEFIK = """
      use metallb
      use traefik
      pool lb { range 10.0.0.100..10.0.0.199; via metallb }
      gateway web { address 10.0.0.110; class traefik; listener http {} }
      """;

  static final String CILIUM_METALLB = """
      use cilium
      use metallb
      pool lb { range 10.0.0.100..10.0.0.199; via metallb }
      gateway web { address 10.0.0.110; class cilium; listener http {} }
      """;

  static final String SHARED = """
      use cilium
      use envoy-gateway
      use cert-manager
      pool lb { range 10.0.0.100..10.0.0.199; via cilium }
      secret cf { sops "secrets/cloudflare.sops.yaml"; keys ["api-token"] }
      issuer le { email "a@example.org"; solver dns01 cloudflare token cf }
      certificate site { hosts ["www.example.org"]; issuer le }
      gateway eg { address 10.0.0.110; class envoy-gateway; listener https { hostname "www.example.org"; certificate site } }
      gateway cg { address 10.0.0.111; class cilium; listener https { hostname "www.example.org"; certificate site } }
      """;
}
