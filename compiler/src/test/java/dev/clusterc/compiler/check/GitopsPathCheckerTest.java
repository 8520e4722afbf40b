package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitopsPathCheckerTest {
  private static final GitopsPathChecker CHECKER = new GitopsPathChecker();

  private static String cluster(String path) {
    return BASE.replace("  network {", "  gitops flux { repository \"https://example.org/r.git\"; path \"" + path + "\" }\n  network {");
  }

  @Test
  void aPathLeavingTheRepository() {
    assertEquals("""
        3:62: error[invalid-value]: gitops path `../elsewhere` is not a directory inside the repository: a `..` segment
          hint: write it relative to the repository's root, such as "clusters/test\"""",
        CheckerHarness.detailed(CHECKER, cluster("../elsewhere")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/flux", "clusters/../..", "a//b", ".", "./", ""})
  void unsafePaths(String path) {
    assertEquals(1, CheckerHarness.run(CHECKER, cluster(path)).lines().count(), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"clusters/test", "./clusters/test/", "kubernetes", "gitops/clusters/homelab"})
  void plainPathsAreFine(String path) {
    assertEquals("", CheckerHarness.run(CHECKER, cluster(path)));
  }

  @Test
  void noPathIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE));
  }
}
