package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortCheckerTest {
  private static final PortChecker CHECKER = new PortChecker();

  /** A gateway on lines 8–9 for the routed cases; apps start at line 10. */
  private static final String GATEWAY = BASE + """
      use cilium
      gateway internal { class cilium; listener http { port 80 } }
      """;

  @Test
  void twoPortsWithOneNumber() {
    assertEquals("""
        11:17: error[port-conflict]: ports `http` and `metrics` of app grafana both use 3000
          hint: give each port its own number
          note 10:14: `http` uses 3000 here""", CheckerHarness.detailed(CHECKER, BASE + """
            app grafana {
              image "grafana/grafana:12.1.0"
              port  http 3000
              port  metrics 3000
            }
            """));
  }

  @Test
  void onePortNameTwice() {
    assertEquals("""
        11:9: error[port-conflict]: app grafana declares port `http` twice
          hint: give each port its own name
          note 10:9: `http` is first declared here""", CheckerHarness.detailed(CHECKER, BASE + """
            app grafana {
              image "grafana/grafana:12.1.0"
              port  http 3000
              port  http 3001
            }
            """));
  }

  @Test
  void aPortWrittenTwiceIsReportedOnce() {
    assertEquals("11:9: error[port-conflict]: app grafana declares port `http` twice", CheckerHarness.run(CHECKER, BASE + """
        app grafana {
          image "grafana/grafana:12.1.0"
          port  http 3000
          port  http 3000
        }
        """));
  }

  @Test
  void distinctPortsAreFine() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        app grafana {
          image "grafana/grafana:12.1.0"
          port  http 3000
          port  metrics 9090
        }
        app loki { image "grafana/loki:3.5.0"; port http 3000 }
        """));
  }

  @Test
  void anAppsOwnPortReplacesTheTemplatesOfTheSameName() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        template web(port: int) for app {
          image "a/${name}:1"
          port  http $port
        }
        app a from web(port: 8080) { port http 9090 }
        """));
  }

  @Test
  void aRoutedAppWithoutAPort() {
    assertEquals("""
        12:3: error[unknown-port]: app blog is routed but declares no port
          hint: add `port http 8080` (with the port it listens on): a route or probe without `port NAME` uses the app's first port""",
        CheckerHarness.detailed(CHECKER, GATEWAY + """
            app blog {
              image "ghost:6.0.0"
              route "blog.example.org" via internal
            }
            """));
  }

  @Test
  void isReportedOncePerAppWithNotesAtTheOtherRoutesAndTheProbe() {
    assertEquals("""
        12:3: error[unknown-port]: app blog is routed but declares no port
          hint: add `port http 8080` (with the port it listens on): a route or probe without `port NAME` uses the app's first port
          note 13:3: this route needs a port too
          note 14:3: this probe needs a port too""", CheckerHarness.detailed(CHECKER, GATEWAY + """
            app blog {
              image "ghost:6.0.0"
              route "blog.example.org" via internal
              route "www.example.org" via internal
              probe http "/ghost/api/admin/site/"
            }
            """));
  }

  @Test
  void aProbeWithoutAPort() {
    assertEquals("12:3: error[unknown-port]: app blog has a probe but declares no port", CheckerHarness.run(CHECKER, GATEWAY + """
        app blog {
          image "ghost:6.0.0"
          probe http "/"
        }
        """));
  }

  @Test
  void aWorkerWithoutPortsRoutesOrProbesIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + "app worker { image \"a/worker:1.0.0\"; replicas 2 }\n"));
  }

  @Test
  void aRouteNamingAPortIsLeftToTheRouteChecker() {
    String text = GATEWAY + "app blog { image \"ghost:6.0.0\"; route \"blog.example.org\" via internal port web }\n";
    assertEquals("", CheckerHarness.run(CHECKER, text));
    assertEquals("10:76: error[unknown-port]: app blog has no port `web`", CheckerHarness.run(new RouteChecker(), text));
  }
}
