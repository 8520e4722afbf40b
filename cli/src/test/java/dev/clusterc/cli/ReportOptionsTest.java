package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --warnings-as-errors} and {@code --quiet}, on {@code check} and on {@code compile}. */
class ReportOptionsTest {
  @TempDir
  Path dir;

  @Test
  void checkFailsOnWarningsOnlyWhenAsked() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNPINNED_IMAGE);
    assertEquals(0, Cli.run("check", file.toString()).exit());
    for (String flag : new String[] {"--warnings-as-errors", "-W"}) {
      Cli.Result result = Cli.run("check", flag, file.toString());
      assertEquals(1, result.exit(), result::toString);
      assertTrue(result.out().contains("warning[image-unpinned]"), result::toString);
      assertEquals("0 errors, 1 warning (warnings are errors here: --warnings-as-errors)\n", result.err());
    }
  }

  @Test
  void checkQuietHidesWarningsAndTheSummary() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNPINNED_IMAGE);
    for (String flag : new String[] {"--quiet", "-q"}) {
      Cli.Result result = Cli.run("check", flag, file.toString());
      assertEquals(0, result.exit(), result::toString);
      assertEquals("", result.out());
      assertEquals("", result.err());
    }
  }

  @Test
  void checkQuietStillPrintsErrorsButNoSummary() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY);
    Cli.Result result = Cli.run("check", "--quiet", file.toString());
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("error[unknown-property]"), result::toString);
    assertEquals("", result.err(), "no summary line");
  }

  @Test
  void quietWithWarningsAsErrorsShowsTheWarningsThatFail() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNPINNED_IMAGE);
    Cli.Result result = Cli.run("check", "-q", "-W", file.toString());
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("warning[image-unpinned]"), "a failure is never silent: " + result);
    assertEquals("", result.err());
  }

  @Test
  void quietJsonLeavesWarningsOut() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNPINNED_IMAGE);
    Cli.Result loud = Cli.run("check", "--format", "json", file.toString());
    Cli.Result quiet = Cli.run("check", "--format", "json", "--quiet", file.toString());
    assertEquals(1, new ObjectMapper().readTree(loud.out()).get("diagnostics").size(), loud::toString);
    assertEquals(0, new ObjectMapper().readTree(quiet.out()).get("diagnostics").size(), quiet::toString);
  }

  @Test
  void compileWithWarningsAsErrorsWritesNothing() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNPINNED_IMAGE);
    Cli.Result plain = Cli.run("compile", file.toString());
    assertEquals(0, plain.exit(), plain::toString);
    assertTrue(plain.out().contains("kind: Deployment"), "the stream, so the next assertion means something");
    assertTrue(plain.err().contains("warning[image-unpinned]") && plain.err().contains("0 errors, 1 warning"), plain::toString);

    Cli.Result strict = Cli.run("compile", "--warnings-as-errors", file.toString());
    assertEquals(1, strict.exit(), strict::toString);
    assertEquals("", strict.out(), "nothing compiled");
    assertTrue(strict.err().contains("warning[image-unpinned]"), strict::toString);
    Path out = dir.resolve("out");
    Cli.Result strictToDir = Cli.run("compile", "-W", "-o", out.toString(), file.toString());
    assertEquals(1, strictToDir.exit(), strictToDir::toString);
    assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written under " + out);
  }

  @Test
  void compileQuietPrintsNoWarningsAndNoSummary() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNPINNED_IMAGE);
    Cli.Result result = Cli.run("compile", "--quiet", file.toString());
    assertEquals(0, result.exit(), result::toString);
    assertTrue(result.out().contains("kind: Deployment"), result::toString);
    assertEquals("", result.err());
  }
}
