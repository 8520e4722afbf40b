package dev.clusterc.compiler.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

/** The graph is drawn by layer, highest first, with every edge and its reason, in a stable order. */
class GraphRendererTest {
  private static final String CLUSTER = CheckFixture.BASE + """
      use volsync
      use external-secrets
      store kv { via vault; config { server: "https://vault.example.org" } }
      secret restic { external kv key "restic"; keys ["RESTIC_PASSWORD"] }
      backup nightly { schedule "0 3 * * *"; keep { daily: 7 }; target "nfs://nas/backups"; credentials restic }
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
            secret_restic["secret restic"]
            store_kv["store kv"]
          end
          subgraph layer_controllers["controllers"]
            component_external_secrets["component external-secrets"]
            component_volsync["component volsync"]
          end
          app_web -->|mounts| volume_data
          backup_nightly -->|authenticates with| secret_restic
          secret_restic -->|is an external secret| component_external_secrets
          secret_restic -->|is read from| store_kv
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
            "secret restic";
            "store kv";
          }
          subgraph "cluster_controllers" {
            label="controllers";
            "component external-secrets";
            "component volsync";
          }
          "app web" -> "volume data" [label="mounts"];
          "backup nightly" -> "secret restic" [label="authenticates with"];
          "secret restic" -> "component external-secrets" [label="is an external secret"];
          "secret restic" -> "store kv" [label="is read from"];
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
