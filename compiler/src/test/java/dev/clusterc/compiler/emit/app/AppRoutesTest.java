package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.emit.AppTestSupport.emit;
import static dev.clusterc.compiler.emit.AppTestSupport.inventory;
import static dev.clusterc.compiler.emit.AppTestSupport.program;
import static dev.clusterc.compiler.emit.AppTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import org.junit.jupiter.api.Test;

/** The HTTPRoutes of an app: parent gateway and listener, host, backend port, names. */
class AppRoutesTest {
  /** Two cilium gateways (in kube-system, cilium's namespace), with wildcard, plain and exact listeners. */
  private static final String GATEWAYS = """
      use cilium
      use cert-manager
      secret cf-token { sops "secrets/cf.sops.yaml"; keys ["api-token"] }
      issuer le { email "admin@example.org"; solver dns01 cloudflare token cf-token }
      certificate wildcard { hosts ["example.org", "*.example.org"]; issuer le }
      gateway internal {
        class    cilium
        listener http { hostname "*.example.org" }
        listener https { hostname "*.example.org"; certificate wildcard }
        listener grafana { protocol https; port 8443; hostname "grafana.example.org"; certificate wildcard }
      }
      gateway external {
        class    cilium
        expose   public
        listener https { hostname "*.example.org"; certificate wildcard }
      }
      """;

  @Test
  void aRouteReferencesItsGatewaysNamespaceAndTheListenerOfItsHost() {
    Program program = program(GATEWAYS + """
        app grafana {
          image "grafana/grafana:12.2.0"
          port  http 3000
          route "grafana.example.org" via internal
        }
        """);
    Unit unit = emit(new AppEmitter(), program, Kind.APP, "grafana");
    assertEquals("Deployment/grafana\nService/grafana\nHTTPRoute/grafana", inventory(unit));
    Snippets.assertMatches("app/AppRoutesTest-grafana-route", yaml(unit, "HTTPRoute", "grafana"));
  }

  @Test
  void severalRoutesAreNamedByGatewayAndTakeTheirPortAndTheHttpsListener() {
    Program program = program(GATEWAYS + """
        app shop {
          image "ghcr.io/example/shop:1.0.0"
          port  http 8080
          port  admin 9000
          route "shop.example.org" via internal
          route "shop.example.org" via external
          route "shop-admin.example.org" via external port admin
        }
        """);
    Unit unit = emit(new AppEmitter(), program, Kind.APP, "shop");
    assertEquals("Deployment/shop\nService/shop\nHTTPRoute/shop-internal\nHTTPRoute/shop-external-1\nHTTPRoute/shop-external-2",
        inventory(unit));
    Snippets.assertMatches("app/AppRoutesTest-shop-internal-spec", spec(unit, "shop-internal"));
    Snippets.assertMatches("app/AppRoutesTest-shop-external-2-spec", spec(unit, "shop-external-2"));
    assertEquals("clusterc.dev/source: test.cluster:30", annotation(unit, "shop-external-2"));
  }

  @Test
  void listenersMatchHostsCaseInsensitivelyOneLabelDeep() {
    assertEquals(true, AppRoutes.accepts("*.Example.org", "shop.example.org."));
    assertEquals(false, AppRoutes.accepts("*.example.org", "a.shop.example.org"));
    assertEquals(false, AppRoutes.accepts("*.example.org", "example.org"));
    assertEquals(true, AppRoutes.accepts(null, "anything.test"));
  }

  private static String spec(Unit unit, String route) {
    String yaml = yaml(unit, "HTTPRoute", route);
    return yaml.substring(yaml.indexOf("spec:\n"));
  }

  private static String annotation(Unit unit, String route) {
    String yaml = yaml(unit, "HTTPRoute", route);
    return yaml.lines().filter(l -> l.contains(EmitContext.SOURCE_ANNOTATION)).findFirst().orElse("").trim();
  }
}
