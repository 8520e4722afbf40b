package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusterc check -}: a cluster read from standard input, named {@code <stdin>}, as {@code fmt -} does. */
class CheckStdinTest {
  @TempDir
  Path dir;

  @Test
  void aCleanClusterOnStandardInputExitsZero() {
    Cli.Result result = Cli.runWithStdin(Sources.CLEAN, "check", "-");
    assertEquals(0, result.exit(), result::toString);
    assertEquals("", result.all());
  }

  @Test
  void diagnosticsNameStandardInput() {
    Cli.Result result = Cli.runWithStdin(Sources.UNKNOWN_PROPERTY, "check", "-");
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().startsWith("<stdin>:5:54: error[unknown-property]: `lables` is not an entry of node cp0\n"),
        result::toString);
    assertTrue(result.out().contains("5 | node cp0 {"), "the source line is shown: " + result);
    assertEquals("1 error, 0 warnings\n", result.err());
  }

  @Test
  void jsonNamesStandardInputToo() {
    Cli.Result result = Cli.runWithStdin(Sources.UNKNOWN_PROPERTY, "check", "--format", "json", "-");
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("{\"file\":\"<stdin>\",\"line\":5,\"column\":54,"), result::toString);
  }

  @Test
  void binaryInputIsADiagnosticNotACrash() {
    Cli.Result result = Cli.run(Terminal.plain(new ByteArrayInputStream(new byte[] {'a', 0, 'b'})), "check", "-")
        .assertNoStackTrace();
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().startsWith("<stdin>:1:2: error[syntax]: this looks like a binary file"), result::toString);
  }

  @Test
  void emptyInputIsAClusterWithoutAClusterDeclaration() {
    Cli.Result result = Cli.runWithStdin("", "check", "-").assertNoStackTrace();
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("error[no-cluster]"), result::toString);
  }

  @Test
  void standardInputAndADirectoryAreTwoClusters() throws Exception {
    Path file = Sources.write(dir.resolve("lab/lab.cluster"), "\n" + Sources.UNKNOWN_PROPERTY);
    Cli.Result result = Cli.runWithStdin(Sources.UNKNOWN_PROPERTY, "check", "-", file.getParent().toString());
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("<stdin>:5:54: error[unknown-property]"), result::toString);
    assertTrue(result.out().contains(Cli.shown(file) + ":6:54: error[unknown-property]"), result::toString);
    assertEquals("2 errors, 0 warnings\n", result.err());
  }
}
