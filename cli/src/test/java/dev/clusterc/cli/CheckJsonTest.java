package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --format json} beyond the brief's keys: hints, related places, and path failures (an
 * unreadable file is in {@link PermissionIT}, which can take root's rights away).
 */
class CheckJsonTest {
  private static final String DUPLICATE = String.join("\n",
      "cluster lab {",
      "  domain \"lab.internal\"",
      "  network { nodes 192.168.1.0/24; router 192.168.1.1 }",
      "}",
      "node cp0 { role control-plane; address 192.168.1.10 }",
      "node cp0 { role control-plane; address 192.168.1.11 }",
      "");

  @TempDir
  Path dir;

  @Test
  void relatedPlacesCarryTheirSpanAndMessage() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), DUPLICATE);
    Cli.Result result = Cli.run("check", "--format", "json", file.toString());
    assertEquals(1, result.exit(), result::toString);
    JsonNode d = diagnostic(result, "duplicate-declaration");
    JsonNode related = d.get("related");
    assertEquals(1, related.size(), result::toString);
    JsonNode first = related.get(0);
    assertEquals(Cli.shown(file), first.get("file").asText());
    assertEquals(5, first.get("line").asInt());
    assertEquals(6, first.get("column").asInt());
    assertEquals(5, first.get("endLine").asInt());
    assertEquals(9, first.get("endColumn").asInt(), "exclusive end, as for the diagnostic itself");
    assertTrue(first.get("message").asText().length() > 0, result::toString);
    assertTrue(d.get("hint").isTextual(), result::toString);
  }

  @Test
  void aDiagnosticWithoutHintHasNullHint() throws Exception {
    Path file = Sources.write(dir.resolve("lab.cluster"), Sources.CLEAN.replace("role control-plane", "role controlplane"));
    Cli.Result result = Cli.run("check", "--format=json", file.toString());
    JsonNode diagnostics = new ObjectMapper().readTree(result.out()).get("diagnostics");
    assertTrue(diagnostics.size() > 0, result::toString);
    for (JsonNode d : diagnostics) {
      assertTrue(d.has("hint") && (d.get("hint").isNull() || d.get("hint").isTextual()), d::toString);
      assertTrue(d.get("related").isArray(), d::toString);
    }
  }

  @Test
  void aMissingPathIsAJsonFailureOnStandardOutput() throws Exception {
    Path missing = dir.resolve("nowhere");
    Cli.Result result = Cli.run("check", "--format", "json", missing.toString());
    assertEquals(2, result.exit(), result::toString);
    assertEquals("", result.err(), "nothing but JSON in JSON mode");
    JsonNode root = new ObjectMapper().readTree(result.out());
    assertEquals(0, root.get("diagnostics").size());
    JsonNode failure = root.get("failures").get(0);
    assertEquals(missing.toString(), failure.get("path").asText());
    assertEquals("no such file or directory", failure.get("message").asText());
    assertTrue(failure.get("hint").isNull(), result::toString);
  }

  @Test
  void aDirectoryThatIsNoClusterIsAJsonFailureWithItsHint() throws Exception {
    Sources.write(dir.resolve("examples/a/lab.cluster"), Sources.CLEAN);
    Cli.Result result = Cli.run("check", "--format", "json", dir.resolve("examples").toString());
    assertEquals(2, result.exit(), result::toString);
    JsonNode failure = new ObjectMapper().readTree(result.out()).get("failures").get(0);
    assertTrue(failure.get("message").asText().startsWith("no .cluster files in"), result::toString);
    assertTrue(failure.get("hint").asText().contains("subdirectories are clusters"), result::toString);
  }

  @Test
  void textModeFailuresStayOnStandardError() throws Exception {
    Cli.Result result = Cli.run("check", dir.resolve("nowhere").toString());
    assertEquals(2, result.exit());
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("clusterc: "), result::toString);
  }

  private static JsonNode diagnostic(Cli.Result result, String code) throws Exception {
    for (JsonNode d : new ObjectMapper().readTree(result.out()).get("diagnostics")) {
      if (d.get("code").asText().equals(code)) {
        return d;
      }
    }
    throw new AssertionError("no " + code + " in " + result);
  }
}
