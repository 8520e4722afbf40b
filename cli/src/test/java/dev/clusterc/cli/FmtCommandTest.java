package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.source.SourceFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
  /** Trailing blanks, a run of blank lines, no final newline: whatever the layout rules, not canonical. */
  static final String MESSY = "cluster lab {   \n  domain \"lab.internal\"\t\n\n\n\n"
      + "  network { nodes 192.168.1.0/24; router 192.168.1.1 }   \n}\nnode cp0 { role control-plane; address 192.168.1.10 }   ";

  static final String BROKEN = "cluster lab {\n  domain \"lab.internal   \n}\n";

  @TempDir
  Path dir;

  @BeforeEach
  void messyIsNotCanonical() {
    assertNotEquals(MESSY, formatted(MESSY), "MESSY must need formatting, or this test proves nothing");
  }

  @Test
  void checkListsAMessyFileAndLeavesItAlone() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), MESSY);
    Cli.Result result = Cli.run("fmt", "--check", file.toString()).assertNoStackTrace();
    assertEquals(1, result.exit(), result::toString);
    assertEquals(Cli.shown(file) + "\n", result.out());
    assertEquals(MESSY, Files.readString(file));
  }

  @Test
  void fmtRewritesAndThenCheckIsClean() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), MESSY);
    Cli.Result result = Cli.run("fmt", file.toString()).assertNoStackTrace();
    assertEquals(0, result.exit(), result::toString);
    assertEquals(Cli.shown(file) + "\n", result.out(), "the rewritten file is listed");
    assertEquals(formatted(MESSY), Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }

    Cli.Result again = Cli.run("fmt", "--check", file.toString());
    assertEquals(0, again.exit(), again::toString);
    assertEquals("", again.out());
    Cli.Result rewrite = Cli.run("fmt", file.toString());
    assertEquals(0, rewrite.exit());
    assertEquals("", rewrite.out(), "an unchanged file is not listed");
  }

  @Test
  void rewritingKeepsTheFilesPermissions() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), MESSY);
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(file, mode);
    assertEquals(0, Cli.run("fmt", file.toString()).exit());
    assertEquals(mode, Files.getPosixFilePermissions(file));
  }

  @Test
  void rewritingThroughASymbolicLinkKeepsTheLink() throws Exception {
    Path file = Sources.write(dir.resolve("real/lab.cluster"), MESSY);
    Path link = dir.resolve("lab.cluster");
    Files.createSymbolicLink(link, file);
    assertEquals(0, Cli.run("fmt", link.toString()).exit());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(formatted(MESSY), Files.readString(file));
  }

  @Test
  void aFileWithSyntaxErrorsIsLeftUntouched() throws Exception {
    Path file = Sources.write(dir.resolve("broken.cluster"), BROKEN);
    for (String[] args : List.of(new String[] {"fmt", file.toString()}, new String[] {"fmt", "--check", file.toString()})) {
      Cli.Result result = Cli.run(args).assertNoStackTrace();
      assertEquals(1, result.exit(), result::toString);
      assertTrue(result.err().contains(Cli.shown(file) + ":2:10: error[syntax]: unterminated string"), result::toString);
      assertEquals("", result.out());
      assertEquals(BROKEN, Files.readString(file));
    }
  }

  @Test
  void aBrokenFileDoesNotStopTheOthers() throws Exception {
    Path broken = Sources.write(dir.resolve("a.cluster"), BROKEN);
    Path messy = Sources.write(dir.resolve("b.cluster"), MESSY);
    Cli.Result result = Cli.run("fmt", dir.toString());
    assertEquals(1, result.exit(), result::toString);
    assertEquals(Cli.shown(messy) + "\n", result.out());
    assertEquals(BROKEN, Files.readString(broken));
    assertEquals(formatted(MESSY), Files.readString(messy));
  }

  @Test
  void directoriesAreWalkedSkippingBuildAndToolDirectories() throws Exception {
    Path deep = Sources.write(dir.resolve("apps/media/sonarr.cluster"), MESSY);
    Path top = Sources.write(dir.resolve("cluster.cluster"), MESSY);
    Sources.write(dir.resolve("target/copy.cluster"), MESSY);
    Sources.write(dir.resolve(".git/x.cluster"), MESSY);
    Sources.write(dir.resolve("web/node_modules/y.cluster"), MESSY);
    Sources.write(dir.resolve("notes.txt"), MESSY);
    Cli.Result result = Cli.run("fmt", "--check", dir.toString());
    assertEquals(1, result.exit(), result::toString);
    assertEquals(Cli.shown(deep) + "\n" + Cli.shown(top) + "\n", result.out());
  }

  @Test
  void aFileGivenTwiceIsFormattedOnce() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), MESSY);
    Cli.Result result = Cli.run("fmt", "--check", file.toString(), dir.toString(), file.toString());
    assertEquals(Cli.shown(file) + "\n", result.out());
  }

  @Test
  void stdinIsFormattedToStdout() {
    Cli.Result result = Cli.runWithStdin(MESSY, "fmt", "-").assertNoStackTrace();
    assertEquals(0, result.exit(), result::toString);
    assertEquals(formatted(MESSY), result.out());
    assertEquals("", result.err());
  }

  @Test
  void stdinWithCheckWritesNoText() {
    Cli.Result messy = Cli.runWithStdin(MESSY, "fmt", "--check", "-");
    assertEquals(1, messy.exit(), messy::toString);
    assertEquals("<stdin>\n", messy.out());
    Cli.Result clean = Cli.runWithStdin(formatted(MESSY), "fmt", "--check", "-");
    assertEquals(0, clean.exit(), clean::toString);
    assertEquals("", clean.out());
  }

  @Test
  void stdinWithSyntaxErrorsPrintsNoText() {
    Cli.Result result = Cli.runWithStdin(BROKEN, "fmt", "-").assertNoStackTrace();
    assertEquals(1, result.exit(), result::toString);
    assertEquals("", result.out());
    assertTrue(result.err().contains("<stdin>:2:10: error[syntax]: unterminated string"), result::toString);
  }

  @Test
  void stdinThatIsNotUtf8IsRefused() {
    byte[] latin1 = {'#', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'};
    Cli.Result result = Cli.run(Terminal.plain(new java.io.ByteArrayInputStream(latin1)), "fmt", "-").assertNoStackTrace();
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.err().contains("<stdin>:1:6: error[syntax]: invalid UTF-8"), result::toString);
  }

  @Test
  void pathsThatAreNotSourcesAreIoFailures() throws Exception {
    Path yaml = Sources.write(dir.resolve("cluster.yaml"), MESSY);
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path missing = dir.resolve("nope.cluster");
    Path messy = Sources.write(dir.resolve("lab.cluster"), MESSY);
    Cli.Result result = Cli.run("fmt", yaml.toString(), empty.toString(), missing.toString(), messy.toString())
        .assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().contains("clusterc: " + yaml + ": not a .cluster file\n"), result::toString);
    assertTrue(result.err().contains("clusterc: " + empty + ": no .cluster files in " + empty + "\n"), result::toString);
    assertTrue(result.err().contains("clusterc: " + missing + ": no such file or directory\n"), result::toString);
    assertEquals(MESSY, Files.readString(messy), "nothing is written when an argument is wrong");
  }

  @Test
  void noArgumentsIsAUsageError() {
    Cli.Result result = Cli.run("fmt").assertNoStackTrace();
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("Usage: clusterc fmt"), result::toString);
  }

  @Test
  void aFailingStdinIsAnInternalErrorNotAStackTrace() {
    InputStream failing = new InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("the pipe broke");
      }
    };
    Cli.Result result = Cli.run(Terminal.plain(failing), "fmt", "-").assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: internal error: the pipe broke\n"), result::toString);
    assertTrue(result.err().contains("please report this"), result::toString);
  }

  @Test
  void theExamplesAreAlreadyFormattedOrListed() throws Exception {
    Path examples = Cli.repo().resolve("examples/homelab");
    byte[] before = Files.readAllBytes(examples.resolve("cluster.cluster"));
    Cli.Result result = Cli.run("fmt", "--check", examples.toString()).assertNoStackTrace();
    assertTrue(result.exit() == 0 || result.exit() == 1, result::toString);
    assertArrayEquals(before, Files.readAllBytes(examples.resolve("cluster.cluster")), "--check writes nothing");
    assertNotEquals(2, result.exit());
  }

  static String formatted(String text) {
    return Documents.format(new SourceFile("<stdin>", text)).text().orElseThrow();
  }
}
