package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteCheckerTest {
  private static final RouteChecker CHECKER = new RouteChecker();

  /**
   * Lines 8–13: a gateway listening on *.apps.example.org and media.example.org; apps start at line 14.
   * In a one-line {@link #app}, the route host starts at column 2 × (length of the app's name) + 42.
   */
  private static final String GATEWAY = BASE + """
      use cilium
      gateway internal {
        class    cilium
        listener apps  { protocol http; hostname "*.apps.example.org" }
        listener media { protocol http; hostname "media.example.org"; port 8080 }
      }
      """;

  private static String app(String name, String route) {
    return "app " + name + " { image \"a/" + name + ":1\"; port http 80; route " + route + " }\n";
  }

  @Test
  void aHostNoListenerAccepts() {
    assertEquals("14:54: error[route-no-listener]: route `sonarr.example.org` of app sonarr matches no listener of gateway internal",
        CheckerHarness.run(CHECKER, GATEWAY + app("sonarr", "\"sonarr.example.org\" via internal")));
  }

  @Test
  void theHintNamesWhatTheGatewayListensForAndNotesEachListener() {
    assertEquals("""
        14:54: error[route-no-listener]: route `sonarr.example.org` of app sonarr matches no listener of gateway internal
          hint: route a host that gateway internal listens for (`*.apps.example.org`, `media.example.org`), or add a listener with `hostname "sonarr.example.org"`
          note 11:44: listener `apps` accepts `*.apps.example.org`
          note 12:44: listener `media` accepts `media.example.org`""",
        CheckerHarness.detailed(CHECKER, GATEWAY + app("sonarr", "\"sonarr.example.org\" via internal")));
  }

  @Test
  void aWildcardMatchesExactlyOneLabelMore() {
    String text = GATEWAY
        + app("a", "\"a.apps.example.org\" via internal")
        + app("b", "\"b.c.apps.example.org\" via internal")
        + app("c", "\"apps.example.org\" via internal");
    assertEquals("""
        15:44: error[route-no-listener]: route `b.c.apps.example.org` of app b matches no listener of gateway internal
        16:44: error[route-no-listener]: route `apps.example.org` of app c matches no listener of gateway internal""",
        CheckerHarness.run(CHECKER, text));
  }

  @Test
  void aHostTwoLabelsUnderAWildcardIsToldWhy() {
    String found = CheckerHarness.detailed(CHECKER, GATEWAY + app("b", "\"b.c.apps.example.org\" via internal"));
    assertEquals("  hint: `*.apps.example.org` matches one label more only (like a wildcard certificate); route a host that"
        + " gateway internal listens for (`*.apps.example.org`, `media.example.org`), or add a listener with"
        + " `hostname \"b.c.apps.example.org\"`", found.lines().toList().get(1));
  }

  @Test
  void anExactHostnameMatchesOnlyItself() {
    assertEquals("15:50: error[route-no-listener]: route `www.media.example.org` of app plex matches no listener of gateway internal",
        CheckerHarness.run(CHECKER, GATEWAY
            + app("jellyfin", "\"media.example.org\" via internal")
            + app("plex", "\"www.media.example.org\" via internal")));
  }

  @Test
  void aListenerWithoutHostnameAcceptsEveryHost() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        use cilium
        gateway internal {
          class    cilium
          listener apps { protocol http; hostname "*.apps.example.org" }
          listener http { port 8080 }
        }
        """ + app("sonarr", "\"sonarr.example.org\" via internal")));
  }

  @Test
  void theSameHostTwiceOnOneGatewayConflictsAtTheSecond() {
    assertEquals("""
        15:50: error[route-conflict]: `media.example.org` is routed twice on gateway internal, by app jellyfin and app plex
          hint: a host goes to one app per gateway: give one of these routes another host
          note 14:58: first routed here by app jellyfin""",
        CheckerHarness.detailed(CHECKER, GATEWAY
            + app("jellyfin", "\"media.example.org\" via internal")
            + app("plex", "\"media.example.org\" via internal")));
  }

  @Test
  void oneAppRoutingAHostTwiceConflictsToo() {
    assertEquals("19:9: error[route-conflict]: `a.apps.example.org` is routed twice on gateway internal, both times by app a",
        CheckerHarness.run(CHECKER, GATEWAY + """
            app a {
              image "a/a:1"
              port  http 80
              port  admin 81
              route "a.apps.example.org" via internal
              route "a.apps.example.org" via internal port admin
            }
            """));
  }

  @Test
  void theSameHostOnTwoGatewaysIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        use cilium
        gateway internal { class cilium; listener http { port 80 } }
        gateway external { class cilium; listener http { port 80 } }
        """ + app("a", "\"a.example.org\" via internal") + app("b", "\"a.example.org\" via external")));
  }

  @Test
  void aRoutePortTheAppDoesNotDeclare() {
    assertEquals("""
        14:98: error[unknown-port]: app sonarr has no port `web`
          hint: its ports are: http""",
        CheckerHarness.detailed(CHECKER, GATEWAY + app("sonarr", "\"sonarr.apps.example.org\" via internal port web")));
  }

  @Test
  void aMisspeltPortGetsADidYouMean() {
    assertEquals("""
        14:98: error[unknown-port]: app sonarr has no port `htp`
          hint: did you mean `http`?""",
        CheckerHarness.detailed(CHECKER, GATEWAY + app("sonarr", "\"sonarr.apps.example.org\" via internal port htp")));
  }

  @Test
  void aProbePortTheAppDoesNotDeclare() {
    assertEquals("11:27: error[unknown-port]: app sonarr has no port `web`", CheckerHarness.run(CHECKER, BASE + """
        app sonarr {
          image "ghcr.io/home-operations/sonarr:4.0.15"
          port  http 8989
          probe http "/ping" port web
        }
        """));
  }

  @Test
  void aNamedPortOnAnAppWithoutPortsAsksToDeclareIt() {
    assertEquals("""
        14:69: error[unknown-port]: app a has no port `web`
          hint: declare it: `port web 8080`""",
        CheckerHarness.detailed(CHECKER, GATEWAY + "app a { image \"a/a:1\"; route \"a.apps.example.org\" via internal port web }\n"));
  }

  @Test
  void declaredPortsAreFine() {
    assertEquals("", CheckerHarness.run(CHECKER, GATEWAY + """
        app a {
          image "a/a:1"
          port  http 80
          port  admin 81
          route "a.apps.example.org" via internal port admin
          route "media.example.org" via internal
          probe http "/healthz" port http
        }
        """));
  }

  @Test
  void aRouteFromAStandardTemplateIsReportedAtTheFrom() {
    assertEquals("15:17: error[route-no-listener]: route `whoami.example.org` of app whoami matches no listener of gateway internal"
        + " (from template `web-app`)", CheckerHarness.run(CHECKER, GATEWAY.replace("use cilium\n", "use cilium\nimport \"std/templates\"\n")
            + "app whoami from web-app(image: \"traefik/whoami:v1.11.0\", port: 80, gateway: internal) {}\n"));
  }

  @Test
  void aRouteThroughAnUndefinedGatewayIsLeftToTheResolver() {
    assertEquals("", CheckerHarness.runBroken(CHECKER, GATEWAY + app("a", "\"a.example.org\" via nowhere")));
  }
}
