package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The paths and sources of an app's {@code config} entries. */
class ConfigCheckerTest {
  private static final ConfigChecker CHECKER = new ConfigChecker();

  private static String app(String... entries) {
    StringBuilder out = new StringBuilder(BASE).append("volume data { size 1Gi; backup none }\n")
        .append("app web {\n  image \"nginx:1.27.3\"\n");
    for (String entry : entries) {
      out.append("  ").append(entry).append('\n');
    }
    return out.append("}\n").toString();
  }

  @Test
  void twoConfigsAtOnePathAreAMountConflict() {
    assertEquals("""
        12:10: error[mount-conflict]: app web has two configs at `/etc/nginx/nginx.conf`
          hint: give each config its own path, or remove one
          note 11:10: the first config at this path""", CheckerHarness.detailed(CHECKER, app(
            "config \"/etc/nginx/nginx.conf\" text \"a\"",
            "config \"/etc/nginx/nginx.conf\" text \"b\"")));
  }

  @Test
  void aConfigAtAVolumesMountPathOrAVolumeInsideAConfigIsAMountConflict() {
    assertEquals("""
        12:10: error[mount-conflict]: config path `/data` of app web is also where volume `data` is mounted
          hint: mount the volume elsewhere, or put the config inside the volume's directory
          note 11:3: the mount of `data`
        13:10: error[mount-conflict]: config path `/srv` of app web is a file, but volume `data` is mounted inside it at `/srv/data`
          hint: mount the volume elsewhere, or put the config inside the volume's directory
          note 14:3: the mount of `data`""", CheckerHarness.detailed(CHECKER, app(
            "mount data at \"/data\"",
            "config \"/data\" text \"a\"",
            "config \"/srv\" text \"b\"",
            "mount data at \"/srv/data/\"")));
  }

  @Test
  void aConfigInsideAMountedVolumesDirectoryIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, app("mount data at \"/data\"", "config \"/data/app.ini\" text \"a\"",
        "config \"/database.ini\" text \"b\"")));
  }

  @Test
  void aPathMustBeAbsoluteNameAFileAndEndInAConfigMapKey() {
    assertEquals("""
        11:10: error[invalid-value]: config path `etc/app.conf` of app web is not absolute
          hint: write `/etc/app.conf` if that is meant: a path inside the container starts at `/`
        12:10: error[invalid-value]: config path `/etc/app/` of app web names a directory, not a file
          hint: add the file name: `/etc/app/app.conf`
        13:10: error[invalid-value]: config path `/etc/../app.conf` of app web has an empty, `.` or `..` part
          hint: a config's path is the absolute path of a file in the container, such as `/etc/app/app.conf`
        14:10: error[invalid-value]: config path `/etc/my app.conf` of app web ends in `my app.conf`, which is not a ConfigMap key
          hint: a file name of a config is at most 253 letters, digits, `-`, `_` and `.`""", CheckerHarness.detailed(CHECKER, app(
            "config \"etc/app.conf\" text \"a\"",
            "config \"/etc/app/\" text \"a\"",
            "config \"/etc/../app.conf\" text \"a\"",
            "config \"/etc/my app.conf\" text \"a\"")));
  }

  @Test
  void aConfigSaysWhereItsContentComesFromExactlyOnce() {
    assertEquals("""
        11:3: error[invalid-value]: config `/etc/a.conf` of app web says neither where its file is nor what it holds
        12:3: error[invalid-value]: config `/etc/b.conf` of app web has both `file` and `text`""", CheckerHarness.run(CHECKER, app(
            "config \"/etc/a.conf\"",
            "config \"/etc/b.conf\" file \"b.conf\" text \"b\"")));
  }
}
