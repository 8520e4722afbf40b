package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HostnameCheckerTest {
  private static final HostnameChecker CHECKER = new HostnameChecker();

  /** A gateway whose listener names a host of another domain (line 11). */
  private static final String FOREIGN_LISTENER = BASE + """
      use cilium
      gateway internal {
        class    cilium
        listener http { hostname "*.example.net" }
      }
      """;

  @Test
  void listenerHostnameOutsideTheDomain() {
    assertEquals("11:28: warning[hostname-outside-domain]: listener `http` of gateway internal has hostname `*.example.net`,"
        + " which is not under the cluster domain `example.org`", CheckerHarness.run(CHECKER, FOREIGN_LISTENER));
  }

  @Test
  void hintSuggestsTheDomainAndNotePointsAtIt() {
    assertEquals("""
        11:28: warning[hostname-outside-domain]: listener `http` of gateway internal has hostname `*.example.net`, which is not under the cluster domain `example.org`
          hint: use a name under `example.org` such as `*.example.org`, or change the cluster's `domain`
          note 2:10: the cluster domain is `example.org`""", CheckerHarness.detailed(CHECKER, FOREIGN_LISTENER));
  }

  @Test
  void routeHostOutsideTheDomain() {
    assertEquals("12:9: warning[hostname-outside-domain]: route `blog.example.com` of app blog is not under the cluster domain `example.org`",
        CheckerHarness.run(CHECKER, BASE + """
            use cilium
            gateway internal { class cilium; listener http { port 80 } }
            app blog {
              image "ghost:6.0.0"
              route "blog.example.com" via internal
            }
            """));
  }

  @Test
  void theDomainItselfAndNamesUnderItAreFine() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        use cilium
        gateway internal {
          class    cilium
          listener apex { protocol http; hostname "example.org" }
          listener wild { protocol http; hostname "*.example.org"; port 8080 }
        }
        app a {
          image "a/a:1"
          port  http 80
          route "example.org" via internal
          route "a.example.org" via internal
          route "a.b.example.org" via internal
        }
        """));
  }

  @Test
  void aSharedSuffixIsNotADomain() {
    assertEquals("12:9: warning[hostname-outside-domain]: route `notexample.org` of app a is not under the cluster domain `example.org`",
        CheckerHarness.run(CHECKER, BASE + """
            use cilium
            gateway internal { class cilium; listener http { port 80 } }
            app a {
              image "a/a:1"
              route "notexample.org" via internal
            }
            """));
  }

  @Test
  void aListenerWithoutHostnameIsNotJudged() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        use cilium
        gateway internal { class cilium; listener http { port 80 } }
        """));
  }

  @Test
  void aHostFromAUserTemplateIsReportedInTheTemplateWithANoteAtTheApp() {
    assertEquals("""
        11:9: warning[hostname-outside-domain]: route `blog.example.com` of app blog is not under the cluster domain `example.org`
          hint: use a name under `example.org` such as `blog.example.org`, or change the cluster's `domain`
          note 2:10: the cluster domain is `example.org`
          note 14:15: app blog takes this from template `routed`""", CheckerHarness.detailed(CHECKER, BASE + """
            use cilium
            gateway internal { class cilium; listener http { port 80 } }
            template routed(port: int) for app {
              route "${name}.example.com" via internal
              port  http $port
            }
            app blog from routed(port: 2368) { image "ghost:6.0.0" }
            """));
  }
}
