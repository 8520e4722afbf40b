package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Analysis#inlayFacts}: what the compiler derives, defaults and layers, where an editor shows them. */
class InlayFactsTest {
  @TempDir
  Path dir;

  @Test
  void theHomelabsFactsLineByLine() {
    Path homelab = Repo.root().resolve("examples/homelab");
    Analysis analysis = ClusterCompiler.open(homelab, homelab).analyse();
    List<String> lines = analysis.inlayFacts("cluster.cluster").stream().map(InlayFactsTest::line).toList();
    assertTrue(lines.contains("30:10 LAYER layer: controllers"), "vip api: " + lines);
    assertTrue(lines.stream().anyMatch(l -> l.contains("HOST route: sonarr.tosih.org")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("DEFAULT namespace: media")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("HOST zone: tosih.org")), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("layer: null")), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("17:") || l.startsWith("2:")), "cluster and nodes have no layer: " + lines);
  }

  @Test
  void factsSitAtTheEndOfTheFirstLineOrAfterTheInterpolatedHost() throws IOException {
    Files.writeString(dir.resolve("lab.cluster"), """
        cluster lab {
          domain "lab.internal"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }
        node cp0 { role control-plane; address 10.0.0.10 }
        use cilium
        pool lb { range 10.0.0.100..10.0.0.120; via cilium }
        gateway web { address 10.0.0.100; class cilium; listener http {} }
        volume data { size 1Gi; backup none }
        app site {
          image "nginx:1.27"
          port  http 80
          route "${name}.${cluster.domain}" via web
          mount data at "/data"
        }
        app api { image "nginx:1.27"; namespace web; replicas 2 }
        """);
    Analysis analysis = ClusterCompiler.open(dir, dir).analyse();
    List<String> lines = analysis.inlayFacts("lab.cluster").stream().map(InlayFactsTest::line).toList();
    assertEquals(List.of(
        "6:11 DEFAULT namespace: kube-system", "6:11 LAYER layer: controllers",
        "7:53 LAYER layer: platform",
        "8:67 LAYER layer: platform",
        "9:38 DEFAULT namespace: site", "9:38 LAYER layer: storage",
        "10:11 DEFAULT namespace: site", "10:11 DEFAULT replicas: 1", "10:11 LAYER layer: apps",
        "13:36 HOST = site.lab.internal",
        "16:58 LAYER layer: apps"), lines);
  }

  @Test
  void aValueTheTemplateWritesIsNoDefaultAndTheClusterDefaultClassIsNotShown() throws IOException {
    Files.writeString(dir.resolve("lab.cluster"), """
        cluster lab {
          domain "lab.internal"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }
        node cp0 { role control-plane; address 10.0.0.10 }
        template pair() for app { image "nginx:1.27"; replicas 2 }
        app two from pair
        volume cache { size 1Gi; backup none }
        volume disk { size 1Gi; local cp0 at "/srv/disk"; backup none }
        """);
    Analysis analysis = ClusterCompiler.open(dir, dir).analyse();
    List<String> lines = analysis.inlayFacts("lab.cluster").stream().map(InlayFactsTest::line).toList();
    assertTrue(lines.stream().noneMatch(l -> l.contains("replicas")), "the template writes replicas: " + lines);
    assertTrue(lines.stream().noneMatch(l -> l.contains("cluster default")), lines.toString());
    assertTrue(lines.contains("9:64 DEFAULT class: local-static"), lines.toString());
  }

  @Test
  void aDocumentTheAnalysisDoesNotHoldHasNone() throws IOException {
    Files.writeString(dir.resolve("lab.cluster"), "cluster lab { domain \"lab.internal\" }\n");
    assertEquals(List.of(), ClusterCompiler.open(dir, dir).analyse().inlayFacts("elsewhere.cluster"));
  }

  private static String line(InlayFact fact) {
    var p = fact.at().begin();
    return p.line() + ":" + p.column() + " " + fact.sort() + " " + fact.label();
  }
}
