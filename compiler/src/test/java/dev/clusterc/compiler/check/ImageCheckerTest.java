package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageCheckerTest {
  private static final ImageChecker CHECKER = new ImageChecker();

  private static String app(String image) {
    return BASE + "app homepage {\n  image \"" + image + "\"\n  port  http 3000\n}\n";
  }

  @Test
  void anImageWithoutTagOrDigest() {
    assertEquals("""
        9:9: warning[image-unpinned]: image `ghcr.io/gethomepage/homepage` of app homepage has no tag or digest
          hint: pin a version (`ghcr.io/gethomepage/homepage:1.2.3`) or a digest (`ghcr.io/gethomepage/homepage@sha256:…`)""",
        CheckerHarness.detailed(CHECKER, app("ghcr.io/gethomepage/homepage")));
  }

  @Test
  void anImageTaggedLatest() {
    assertEquals("""
        9:9: warning[image-unpinned]: image `ghcr.io/gethomepage/homepage:latest` of app homepage is tagged `latest`, which moves
          hint: pin a version (`ghcr.io/gethomepage/homepage:1.2.3`) or a digest (`ghcr.io/gethomepage/homepage@sha256:…`)""",
        CheckerHarness.detailed(CHECKER, app("ghcr.io/gethomepage/homepage:latest")));
  }

  @Test
  void aRegistryPortIsNotATag() {
    assertEquals("9:9: warning[image-unpinned]: image `registry.lan:5000/team/app` of app homepage has no tag or digest",
        CheckerHarness.run(CHECKER, app("registry.lan:5000/team/app")));
    assertEquals("9:9: warning[image-unpinned]: image `localhost:5000/app:latest` of app homepage is tagged `latest`, which moves",
        CheckerHarness.run(CHECKER, app("localhost:5000/app:latest")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ghcr.io/gethomepage/homepage:v1.4.6", "nginx:1.29", "registry.lan:5000/team/app:2.0.1",
      "ghcr.io/home-operations/sonarr:rolling", "nginx@sha256:0123456789abcdef",
      "ghcr.io/gethomepage/homepage:latest@sha256:0123456789abcdef", "latest/app:1.0"})
  void pinnedImagesAreFine(String image) {
    assertEquals("", CheckerHarness.run(CHECKER, app(image)));
  }

  @Test
  void aShortNameWithoutTag() {
    assertEquals("9:9: warning[image-unpinned]: image `nginx` of app homepage has no tag or digest",
        CheckerHarness.run(CHECKER, app("nginx")));
  }

  @Test
  void anImageFromATemplateInterpolatesItsName() {
    assertEquals("9:9: warning[image-unpinned]: image `ghcr.io/lab/sonarr` of app sonarr has no tag or digest",
        CheckerHarness.run(CHECKER, BASE + """
            template media() for app {
              image "ghcr.io/lab/${name}"
            }
            app sonarr from media {}
            app radarr from media { image "ghcr.io/lab/radarr:5.26.2" }
            """));
  }
}
