package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not clusters: each gets a clear message and the right exit status, never a stack trace. */
class BadInputTest {
  /** Not a speed requirement: a guard against a hang or a runaway recursion. */
  private static final Duration GUARD = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void emptyFileHasNoCluster() throws Exception {
    Path file = Sources.write(dir.resolve("empty.cluster"), "");
    Cli.Result result = check(file);
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().startsWith(Cli.shown(file) + ":1:1: error[no-cluster]: "), result::toString);
  }

  @Test
  void binaryFileIsRefused() throws Exception {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    bytes[100] = 0;
    bytes[2000] = 0;
    Path file = Sources.write(dir.resolve("x.cluster"), bytes);
    Cli.Result result = check(file);
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("error[syntax]: this looks like a binary file"), result::toString);
  }

  @Test
  void invalidUtf8IsReportedWithLineAndColumn() throws Exception {
    byte[] bytes = concat(Sources.CLEAN.getBytes(StandardCharsets.UTF_8),
        new byte[] {'#', ' ', 'c', 'a', 'f', (byte) 0xC3, 0x28, '\n'});
    Path file = Sources.write(dir.resolve("latin.cluster"), bytes);
    Cli.Result result = check(file);
    assertEquals(1, result.exit(), result::toString);
    int line = (int) Sources.CLEAN.lines().count() + 1;
    assertTrue(result.out().contains(Cli.shown(file) + ":" + line + ":6: error[syntax]: invalid UTF-8"), result::toString);
  }

  /** Over the compiler's 8 MiB limit: a {@code syntax} diagnostic at 1:1, so exit 1 (not an I/O failure). */
  @Test
  void tenMegabyteFileIsOverTheSizeLimit() throws Exception {
    Path file = dir.resolve("huge.cluster");
    byte[] line = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 10 * 1024; i++) {
        out.write(line);
      }
    }
    Cli.Result result = check(file);
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains(Cli.shown(file) + ":1:1: error[syntax]: file is too large to be a cluster source"),
        result::toString);
    assertTrue(result.out().contains("the limit is 8 MiB"), result::toString);
  }

  @Test
  void tenThousandNestedBracketsAreANestingError() throws Exception {
    Path file = Sources.write(dir.resolve("deep.cluster"), "[".repeat(10_000) + "\n");
    Cli.Result result = assertTimeoutPreemptively(GUARD, () -> check(file));
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("error[syntax]: brackets nested deeper than 100 levels"), result::toString);
  }

  @Test
  void tenThousandNestedBracesAreANestingError() throws Exception {
    Path file = Sources.write(dir.resolve("deep.cluster"), "{".repeat(10_000) + "\n");
    Cli.Result result = assertTimeoutPreemptively(GUARD, () -> check(file));
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("error[syntax]: brackets nested deeper than 100 levels"), result::toString);
  }

  @Test
  void balancedDeepListInsideAClusterIsANestingError() throws Exception {
    String value = "[".repeat(10_000) + "]".repeat(10_000);
    Path file = Sources.write(dir.resolve("deep.cluster"), Sources.CLEAN + "node n { labels " + value + " }\n");
    Cli.Result result = assertTimeoutPreemptively(GUARD, () -> check(file));
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("error[syntax]: brackets nested deeper than 100 levels"), result::toString);
  }

  @Test
  void unterminatedString() throws Exception {
    Path file = Sources.write(dir.resolve("s.cluster"), "cluster x {\n  domain \"abc\n}\n");
    Cli.Result result = check(file);
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains(Cli.shown(file) + ":2:10: error[syntax]: unterminated string"), result::toString);
  }

  @Test
  void unterminatedTextBlock() throws Exception {
    Path file = Sources.write(dir.resolve("t.cluster"), Sources.CLEAN + "manifests m {\n  text \"\"\"\n  a: b\n");
    Cli.Result result = check(file);
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("error[syntax]: unterminated text block"), result::toString);
  }

  @Test
  void cStyleCommentIsAStrayCharacter() throws Exception {
    Path file = Sources.write(dir.resolve("c.cluster"), "/* not a comment */\n" + Sources.CLEAN);
    Cli.Result result = check(file);
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains(Cli.shown(file) + ":1:1: error[syntax]: unexpected character `/`"), result::toString);
  }

  @Test
  void directoryWithoutClusterFilesIsAnIoFailure() throws Exception {
    Sources.write(dir.resolve("notes.txt"), "hello");
    Sources.write(dir.resolve("lab/lab.cluster"), Sources.CLEAN);
    Cli.Result result = check(dir);
    assertEquals(2, result.exit(), result::toString);
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("clusterc: " + dir + ": no .cluster files in " + dir + "\n"), result::toString);
    assertTrue(result.err().contains("hint: ") && result.err().contains(Cli.shown(dir.resolve("lab"))), result::toString);
  }

  @Test
  void missingPathIsAnIoFailure() {
    Path missing = dir.resolve("nope");
    Cli.Result result = check(missing);
    assertEquals(2, result.exit(), result::toString);
    assertEquals("clusterc: " + missing + ": no such file or directory\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void missingPathBesideAGoodOneStillFailsWithoutOutput() throws Exception {
    Path good = Sources.write(dir.resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY);
    Cli.Result result = Cli.run("check", good.toString(), dir.resolve("nope").toString()).assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertEquals("", result.out(), "exit 2 means the check did not run");
  }

  @Test
  void aFileNotEndingInClusterIsRefused() throws Exception {
    Path file = Sources.write(dir.resolve("cluster.yaml"), Sources.CLEAN);
    Cli.Result result = check(file);
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: " + file + ": not a .cluster file\n"), result::toString);
  }

  @Test
  void aMissingFileThatExistsWithTheExtensionGetsAHint() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.CLEAN);
    Cli.Result result = check(dir.resolve("lab"));
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().contains("did you mean " + file + "?"), result::toString);
  }

  @Test
  void noArgumentsIsAUsageError() {
    Cli.Result result = Cli.run("check").assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().contains("Missing required parameter: 'PATH'"), result::toString);
    assertTrue(result.err().contains("Usage: clusterc check"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result result = Cli.run("check", "--frobnicate", ".").assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().contains("Unknown option: '--frobnicate'"), result::toString);
  }

  private static Cli.Result check(Path path) {
    return Cli.run("check", path.toString()).assertNoStackTrace();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
