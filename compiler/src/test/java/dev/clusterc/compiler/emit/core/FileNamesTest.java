package dev.clusterc.compiler.emit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.rules.TreePath;
import org.junit.jupiter.api.Test;

/** Names from the sources become file names that stay where they are put. */
class FileNamesTest {
  @Test
  void aPartHoldsNoSeparatorNoLeadingDotAndNoUpperCase() {
    assertEquals("___.._.._.._outside", FileNames.part("../../../../outside"));
    assertEquals("a_b", FileNames.part("a\0b"));
    assertEquals("configmap", FileNames.part("ConfigMap"));
    assertEquals("_", FileNames.part(""));
    assertEquals("_", FileNames.part(null));
    assertEquals("__", FileNames.part(".."));
    assertEquals("_hidden", FileNames.part(".hidden"));
    assertEquals("app.v1-x_y", FileNames.part("app.v1-x_y"));
    for (String hostile : new String[] {"../x", "/etc/passwd", "a/../../b", "..\\..\\c", "\0", "x\ny"}) {
      assertNull(FileNames.problem(FileNames.part(hostile)), hostile);
    }
  }

  @Test
  void longPartsAreCutAndStayApart() {
    String a = FileNames.part("a".repeat(300) + "1");
    String b = FileNames.part("a".repeat(300) + "2");
    assertEquals(FileNames.MAX_PART, a.length());
    assertNotEquals(a, b);
    assertTrue(a.startsWith("aaaa"));
  }

  @Test
  void problemNamesEveryUnsafePath() {
    assertNull(FileNames.problem("apps/sonarr/deployment-sonarr.yaml"));
    assertEquals("an empty path", FileNames.problem(""));
    assertEquals("an absolute path", FileNames.problem("/etc/passwd"));
    assertEquals("a `..` segment", FileNames.problem("apps/../../x"));
    assertEquals("a `.` segment", FileNames.problem("./x"));
    assertTrue(FileNames.problem("a//b").startsWith("an empty segment"));
    assertTrue(FileNames.problem("a/").startsWith("an empty segment"));
    assertTrue(FileNames.problem("a/.clusterc-owned").contains("keeps for itself"));
    assertEquals("a control character or backslash", FileNames.problem("a\0b"));
    assertEquals("a control character or backslash", FileNames.problem("..\\x"));
    assertFalse(FileNames.problem("x".repeat(256)) == null);
  }

  @Test
  void theGitopsPathLosesItsDotSlashAndTrailingSlash() {
    assertEquals("clusters/lab", TreePath.normalize("./clusters/lab/"));
    assertEquals("kubernetes", TreePath.normalize("kubernetes"));
    assertEquals("../up", TreePath.normalize("../up"));
  }
}
