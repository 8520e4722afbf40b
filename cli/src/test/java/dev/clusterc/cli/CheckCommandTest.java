package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final String ESC = "\u001b[";

  @TempDir
  Path dir;

  @Test
  void cleanExampleExitsZeroAndPrintsNothing() {
    Cli.Result result = Cli.run("check", Cli.repo().resolve("examples/failover-pair").toString());
    assertEquals(0, result.exit(), result::toString);
    assertEquals("", result.out(), result::toString);
    assertEquals("", result.err(), result::toString);
  }

  @Test
  void cleanFileExitsZero() throws Exception {
    Path file = Sources.write(dir.resolve("pi.cluster"), Sources.CLEAN);
    Cli.Result result = Cli.run("check", file.toString());
    assertEquals(0, result.exit(), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void anErrorIsPrintedWithLocationSourceLineAndCaret() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY);
    Cli.Result result = Cli.run("check", file.toString());
    assertEquals(1, result.exit(), result::toString);
    String shown = Cli.shown(file);
    assertTrue(result.out().startsWith(shown + ":5:54: error[unknown-property]: `lables` is not an entry of node cp0\n"),
        result::toString);
    assertTrue(result.out().contains("5 | node cp0 { role control-plane; address 192.168.1.10; lables { storage: \"ssd\" } }\n"),
        result::toString);
    assertTrue(result.out().contains("  | " + " ".repeat(53) + "^^^^^^\n"), result::toString);
    assertTrue(result.out().contains("hint: did you mean `labels`?"), result::toString);
    assertEquals("1 error, 0 warnings\n", result.err());
    result.assertNoStackTrace();
  }

  @Test
  void everyDiagnosticLineHasTheBriefsShape() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY + "node cp1 { role worker; address 10.0.0 }\n");
    Cli.Result result = Cli.run("check", file.toString());
    Pattern shape = Pattern.compile("^.+:\\d+:\\d+: (error|warning)\\[[a-z-]+\\]: .+$");
    long headers = result.out().lines().filter(l -> l.startsWith(Cli.shown(file) + ":")).peek(l ->
        assertTrue(shape.matcher(l).matches(), l)).count();
    assertTrue(headers >= 2, result::toString);
  }

  @Test
  void jsonIsExactlyTheBriefsShape() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY);
    Cli.Result result = Cli.run("check", "--format", "json", file.toString());
    assertEquals(1, result.exit(), result::toString);
    JsonNode root = new ObjectMapper().readTree(result.out());
    assertEquals(List.of("diagnostics", "failures"), names(root));
    assertEquals(0, root.get("failures").size());
    JsonNode diagnostics = root.get("diagnostics");
    assertEquals(1, diagnostics.size(), result::toString);
    JsonNode d = diagnostics.get(0);
    assertEquals(List.of("file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "hint", "related", "fixes"),
        names(d), "the brief's keys first, in its order; ours only after them");
    assertEquals(Cli.shown(file), d.get("file").asText());
    assertEquals(5, d.get("line").asInt());
    assertEquals(54, d.get("column").asInt());
    assertEquals(5, d.get("endLine").asInt());
    assertEquals(60, d.get("endColumn").asInt());
    assertEquals("error", d.get("severity").asText());
    assertEquals("unknown-property", d.get("code").asText());
    assertEquals("did you mean `labels`?", d.get("hint").asText());
    assertEquals(0, d.get("related").size());
    assertEquals("labels", d.get("fixes").get(0).get("edits").get(0).get("newText").asText(), "the did-you-mean as an edit");
    assertEquals("", result.err(), "nothing but JSON, and no summary, in JSON mode");
  }

  @Test
  void jsonOfACleanClusterIsAnEmptyList() throws Exception {
    Path file = Sources.write(dir.resolve("pi.cluster"), Sources.CLEAN);
    Cli.Result result = Cli.run("check", "--format=json", file.toString());
    assertEquals(0, result.exit(), result::toString);
    assertEquals(0, new ObjectMapper().readTree(result.out()).get("diagnostics").size());
  }

  @Test
  void warningsAloneExitZero() {
    SourceFile file = new SourceFile("a.cluster", "app x { image \"nginx\" }\n");
    Diagnostic warning = Diagnostic.warning(Code.IMAGE_UNPINNED, new SourceSpan(file, 14, 21), "no tag");
    ReportOptions options = new ReportOptions();
    assertEquals(0, options.exitCode(List.of(warning)));
    assertEquals(1, options.exitCode(List.of(warning, Diagnostic.error(Code.SYNTAX, SourceSpan.at(file, 0), "x"))));
    options.warningsAsErrors = true;
    assertEquals(1, options.exitCode(List.of(warning)));
    assertEquals(0, options.exitCode(List.of()));
  }

  @Test
  void aClusterWithOnlyWarningsExitsZero() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNPINNED_IMAGE);
    Cli.Result result = Cli.run("check", file.toString());
    assertEquals(0, result.exit(), result::toString);
    assertTrue(result.out().contains("warning[image-unpinned]"), result::toString);
    assertFalse(result.out().contains("error["), result::toString);
    assertEquals("0 errors, 1 warning\n", result.err());
  }

  @Test
  void theSamePathTwiceReportsEachDiagnosticOnce() throws Exception {
    Path file = Sources.write(dir.resolve("lab/lab.cluster"), Sources.UNKNOWN_PROPERTY);
    Cli.Result once = Cli.run("check", file.getParent().toString());
    Cli.Result twice = Cli.run("check", file.getParent().toString(), file.getParent().toString());
    Cli.Result dirAndFile = Cli.run("check", file.getParent().toString(), file.toString());
    assertEquals(1, once.exit());
    assertEquals(once, twice);
    assertEquals(once, dirAndFile);
    assertEquals(1, count(once.out(), "error[unknown-property]"));
  }

  @Test
  void severalPathsAreMergedAndSorted() throws Exception {
    Path a = Sources.write(dir.resolve("a/lab.cluster"), Sources.UNKNOWN_PROPERTY);
    Path b = Sources.write(dir.resolve("b/lab.cluster"), "\n" + Sources.UNKNOWN_PROPERTY);
    Cli.Result ab = Cli.run("check", a.getParent().toString(), b.getParent().toString());
    Cli.Result ba = Cli.run("check", b.getParent().toString(), a.getParent().toString());
    assertEquals(1, ab.exit());
    assertEquals(ab, ba);
    List<String> headers = ab.out().lines().filter(l -> l.contains(": error[")).toList();
    assertEquals(List.of(
        Cli.shown(a) + ":5:54: error[unknown-property]: `lables` is not an entry of node cp0",
        Cli.shown(b) + ":6:54: error[unknown-property]: `lables` is not an entry of node cp0"), headers);
    assertEquals("2 errors, 0 warnings\n", ab.err());
  }

  @Test
  void noColourWhenNotATerminal() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY);
    Cli.Result result = Cli.run(new Terminal(InputStream.nullInputStream(), false, Map.of()), "check", file.toString());
    assertFalse(result.all().contains(ESC), result::toString);
  }

  @Test
  void noColourWhenNoColorIsSetEvenOnATerminal() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY);
    Cli.Result withNoColor = Cli.run(terminal(Map.of("NO_COLOR", "1")), "check", file.toString());
    assertFalse(withNoColor.all().contains(ESC), withNoColor::toString);
    Cli.Result withEmptyNoColor = Cli.run(terminal(Map.of("NO_COLOR", "")), "check", file.toString());
    assertTrue(withEmptyNoColor.out().contains(ESC), "an empty NO_COLOR counts as unset");
    Cli.Result onTerminal = Cli.run(terminal(Map.of()), "check", file.toString());
    assertTrue(onTerminal.out().contains(ESC), "colour on a terminal, so the tests above mean something");
  }

  @Test
  void colorOptionOverridesDetection() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY);
    assertTrue(Cli.run("check", "--color", "always", file.toString()).out().contains(ESC));
    assertFalse(Cli.run(terminal(Map.of()), "check", "--color=never", file.toString()).out().contains(ESC));
    Cli.Result bad = Cli.run("check", "--color", "sometimes", file.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--color"), bad::toString);
  }

  @Test
  void anUnknownFormatIsAUsageError() throws Exception {
    Path file = Sources.write(dir.resolve("pi.cluster"), Sources.CLEAN);
    Cli.Result result = Cli.run("check", "--format", "yaml", file.toString());
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("--format"), result::toString);
    result.assertNoStackTrace();
  }

  @Test
  void pathsArePrintedRelativeToTheWorkingDirectory() {
    Path fixture = Path.of("src/test/resources/clusters/unknown-property/lab.cluster");
    assertTrue(Files.exists(fixture), "run from the cli module directory (as Maven does)");
    Cli.Result result = Cli.run("check", fixture.toAbsolutePath().toString());
    assertTrue(result.out().startsWith(fixture + ":5:54: error[unknown-property]"), result::toString);
  }

  private static Terminal terminal(Map<String, String> env) {
    return new Terminal(InputStream.nullInputStream(), true, env);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
