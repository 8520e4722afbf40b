package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocalVolumeCheckerTest {
  private static final LocalVolumeChecker CHECKER = new LocalVolumeChecker();

  /** Line 8: a volume on w1; line 9: one on w2; apps start at line 10. */
  private static final String VOLUMES = BASE + """
      volume data  { size 10Gi; local w1 at "/srv/data"; backup none }
      volume cache { size 1Gi; local w2 at "/srv/cache"; backup none }
      """;

  private static String app(String entries) {
    return "app syncthing { image \"syncthing/syncthing:1.30.0\"; " + entries + " }\n";
  }

  @Test
  void anOnListNamingAnotherNode() {
    assertEquals("""
        10:84: error[local-volume-unpinned]: app syncthing may also run on w2, but volume data lives on w1
          hint: write `on [w1]`, or drop `on`: the compiler pins the app to w1
          note 8:33: volume data lives on w1 here""", CheckerHarness.detailed(CHECKER, VOLUMES + app("mount data at \"/data\"; on [w1, w2]")));
  }

  @Test
  void anOnListWithoutTheVolumesNode() {
    assertEquals("10:80: error[local-volume-unpinned]: app syncthing may only run on w2, cp, but volume data lives on w1",
        CheckerHarness.run(CHECKER, VOLUMES + app("mount data at \"/data\"; on [w2, cp]")));
  }

  @Test
  void anAppPinnedToTheVolumesNodeOrNotPinnedAtAllIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, VOLUMES
        + app("mount data at \"/data\"; on [w1]")
        + "app other { image \"a/other:1\"; mount cache at \"/cache\" }\n"));
  }

  @Test
  void localVolumesOnTwoNodes() {
    assertEquals("""
        10:82: error[local-volume-unpinned]: app syncthing mounts volume data on node w1 and volume cache on node w2, but its pod runs on one node
          hint: keep the local volumes of one app on one node
          note 10:59: volume data is mounted here""", CheckerHarness.detailed(CHECKER, VOLUMES
            + app("mount data at \"/data\"; mount cache at \"/cache\"; on [w1, w2]")));
  }

  @Test
  void localVolumesOnOneNodeAreFine() {
    assertEquals("", CheckerHarness.run(CHECKER, VOLUMES
        + "volume more { size 1Gi; local w1 at \"/srv/more\"; backup none }\n"
        + app("mount data at \"/data\"; mount more at \"/more\"")));
  }

  @Test
  void anOnListIsNoConcernForVolumesThatAreNotLocal() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE
        + "volume shared { size 10Gi; backup none }\n"
        + app("mount shared at \"/data\"; on [w1, w2]")));
  }

  @Test
  void replicatingToTheNodeTheVolumeLivesOn() {
    assertEquals("""
        12:16: error[invalid-value]: volume data replicates to node w1, the node it lives on
          hint: replicate to another node, so that a copy survives losing w1
          note 11:13: volume data lives on w1 here""", CheckerHarness.detailed(CHECKER, BASE + """
            use volsync
            volume data {
              size      10Gi
              local     w1 at "/srv/data"
              replicate to w1 via syncthing
              backup    none
            }
            """));
  }

  @Test
  void replicatingToAnotherNodeIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        use volsync
        volume data { size 10Gi; local w1 at "/srv/data"; replicate to w2 via syncthing; backup none }
        """));
  }
}
