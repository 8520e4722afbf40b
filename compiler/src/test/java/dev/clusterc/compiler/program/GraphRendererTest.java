package dev.clusterc.compiler.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

/** The graph is drawn by layer, highest first, with every edge and its reason, in a stable order. */
class GraphRendererTest {
  private static final String CLUSTER = CheckFixture.BASE + """
      use volsync
      backup nightly { schedule "0 3 * * *"; keep { daily: 7 }; target "nfs://nas/backups" }
      volume data { size 1Gi; backup nightly }
      app web { image "nginx:1.27"; mount data at "/data" }
      """;

  @Test
  void mermaidGroupsByLayer() {
    Program program = CheckFixture.program(CLUSTER);
    assertEquals("", CheckFixture.render(program.diagnostics()));
    assertEquals("""
        flowchart TB
          subgraph layer_apps["apps"]
            app_web["app web"]
          end
          subgraph layer_storage["storage"]
            volume_data["volume data"]
          end
          subgraph layer_platform["platform"]
            backup_nightly["backup nightly"]
          end
          subgraph layer_controllers["controllers"]
            component_volsync["component volsync"]
          end
          app_web -->|mounts| volume_data
          volume_data -->|is backed up by| backup_nightly
          volume_data -->|is backed up with restic| component_volsync
        """, GraphRenderer.mermaid(program));
  }

  @Test
  void dotQuotesNamesAndLabelsEdges() {
    String dot = GraphRenderer.dot(CheckFixture.program(CLUSTER));
    assertEquals("""
        digraph "test" {
          rankdir=TB;
          node [shape=box, fontname="Helvetica"];
          subgraph "cluster_apps" {
            label="apps";
            "app web";
          }
          subgraph "cluster_storage" {
            label="storage";
            "volume data";
          }
          subgraph "cluster_platform" {
            label="platform";
            "backup nightly";
          }
          subgraph "cluster_controllers" {
            label="controllers";
            "component volsync";
          }
          "app web" -> "volume data" [label="mounts"];
          "volume data" -> "backup nightly" [label="is backed up by"];
          "volume data" -> "component volsync" [label="is backed up with restic"];
        }
        """, dot);
  }

  @Test
  void theSameClusterGivesTheSameText() {
    assertEquals(GraphRenderer.mermaid(CheckFixture.program(CLUSTER)), GraphRenderer.mermaid(CheckFixture.program(CLUSTER)));
  }
}
