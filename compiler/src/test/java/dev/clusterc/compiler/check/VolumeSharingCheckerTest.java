package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VolumeSharingCheckerTest {
  private static final VolumeSharingChecker CHECKER = new VolumeSharingChecker();

  private static String app(String name, String entries) {
    return "app " + name + " { image \"a/" + name + ":1\"; " + entries + " }\n";
  }

  @Test
  void anRwoVolumeMountedByTwoApps() {
    assertEquals("""
        10:40: error[rwo-shared]: volume downloads is rwo but mounted by qbittorrent and sonarr
          hint: use `access rwx` (with a storage class that supports it), or mount it from one app
          note 9:50: app qbittorrent mounts it here""", CheckerHarness.detailed(CHECKER, BASE
            + "volume downloads { size 100Gi; backup none }\n"
            + app("qbittorrent", "mount downloads at \"/downloads\"")
            + app("sonarr", "mount downloads at \"/downloads\"")));
  }

  @Test
  void aThirdAppIsReportedToo() {
    assertEquals("""
        10:40: error[rwo-shared]: volume downloads is rwo but mounted by qbittorrent and sonarr
        11:40: error[rwo-shared]: volume downloads is rwo but mounted by qbittorrent and radarr""", CheckerHarness.run(CHECKER, BASE
            + "volume downloads { size 100Gi; access rwo; backup none }\n"
            + app("qbittorrent", "mount downloads at \"/downloads\"")
            + app("sonarr", "mount downloads at \"/downloads\"")
            + app("radarr", "mount downloads at \"/downloads\"")));
  }

  @Test
  void rwxAndRoxVolumesMayBeShared() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE
        + "volume downloads { size 100Gi; access rwx; backup none }\n"
        + "volume library { size 100Gi; access rox; backup none }\n"
        + app("qbittorrent", "mount downloads at \"/downloads\"; replicas 2")
        + app("sonarr", "mount downloads at \"/downloads\"; mount library at \"/library\"")
        + app("radarr", "mount library at \"/library\"")));
  }

  @Test
  void anRwoVolumeOfAnAppWithTwoReplicas() {
    assertEquals("""
        9:40: error[rwo-shared]: volume config is rwo but mounted by sonarr with 2 replicas
          hint: run `replicas 1`, or use `access rwx` with a storage class that supports it
          note 9:70: app sonarr asks for 2 replicas here""", CheckerHarness.detailed(CHECKER, BASE
            + "volume config { size 5Gi; backup none }\n"
            + app("sonarr", "mount config at \"/config\"; replicas 2")));
  }

  @Test
  void oneReplicaIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE
        + "volume config { size 5Gi; backup none }\n"
        + app("sonarr", "mount config at \"/config\"; replicas 1")
        + app("worker", "replicas 3")));
  }

  @Test
  void bothProblemsAtOnce() {
    assertEquals("""
        9:40: error[rwo-shared]: volume config is rwo but mounted by sonarr with 3 replicas
        10:40: error[rwo-shared]: volume config is rwo but mounted by sonarr and radarr""", CheckerHarness.run(CHECKER, BASE
            + "volume config { size 5Gi; backup none }\n"
            + app("sonarr", "mount config at \"/config\"; replicas 3")
            + app("radarr", "mount config at \"/config\"")));
  }

  @Test
  void aMountFromATemplateArgumentIsReportedAtTheArgument() {
    assertEquals("14:27: error[rwo-shared]: volume data is rwo but mounted by a and b", CheckerHarness.run(CHECKER, BASE + """
        volume data { size 1Gi; backup none }
        template stateful(data: volume) for app {
          image "a/${name}:1"
          mount $data at "/data"
        }
        app a from stateful(data: data) {}
        app b from stateful(data: data) {}
        """));
  }
}
