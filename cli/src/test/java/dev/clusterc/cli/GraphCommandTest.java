package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GraphCommandTest {
  @Test
  void mermaidOfAnExample() {
    Cli.Result result = Cli.run("graph", Cli.repo().resolve("examples/failover-pair").toString());
    assertEquals(0, result.exit(), result::toString);
    assertTrue(result.out().startsWith("flowchart TB\n  subgraph layer_apps[\"apps\"]\n"), result::toString);
    assertTrue(result.out().contains("  app_sonarr -->|mounts| volume_sonarr_data\n"), result::toString);
  }

  @Test
  void dotOfAnExample() {
    Cli.Result result = Cli.run("graph", "--format", "dot", Cli.repo().resolve("examples/failover-pair").toString());
    assertEquals(0, result.exit(), result::toString);
    assertTrue(result.out().startsWith("digraph \"failover-pair\" {\n"), result::toString);
    assertTrue(result.out().contains("  \"app sonarr\" -> \"volume sonarr-data\" [label=\"mounts\"];\n"), result::toString);
  }

  @Test
  void aClusterWithErrorsHasNoGraph() {
    Cli.Result result = Cli.run("graph", Cli.repo().resolve("compiler/src/test/resources/check/quorum").toString());
    assertEquals(1, result.exit(), result::toString);
    assertEquals("", result.out(), result::toString);
    assertTrue(result.err().contains("error[quorum]"), result::toString);
  }

  @Test
  void aMissingPathIsAnIoFailure() {
    Cli.Result result = Cli.run("graph", "no/such/dir");
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: no/such/dir:"), result::toString);
  }
}
