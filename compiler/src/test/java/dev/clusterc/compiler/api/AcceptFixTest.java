package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.diag.TextEdit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@link Analysis#acceptFix} writes its {@code allow}, and what it refuses. */
class AcceptFixTest {
  private static final String HEAD = """
      cluster lab {
        domain "lab.internal"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
      }

      """;

  @TempDir
  Path dir;

  @Test
  void quorumIsAcceptedOnTheClusterAlignedWithItsEntries() throws IOException {
    String text = HEAD + """
        node cp0 { role control-plane; address 10.0.0.10 }
        node cp1 { role control-plane; address 10.0.0.11 }
        """;
    assertEquals(text.replace("""
          domain "lab.internal"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        """, """
          domain "lab.internal"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
          allow  [quorum] because "say why this cost is acceptable"
        """), accepted(text, Code.QUORUM, "accept with `allow [quorum] because …` on cluster lab"));
  }

  @Test
  void aFindingInADeclarationIsAcceptedThere() throws IOException {
    String text = HEAD + """
        node cp0 { role control-plane; address 10.0.0.10 }

        app homepage {
          image "ghcr.io/gethomepage/homepage"
          port  http 3000
        }
        """;
    assertEquals(text.replace("  port  http 3000\n", "  port  http 3000\n  allow [image-unpinned] because \"say why this cost is acceptable\"\n"),
        accepted(text, Code.IMAGE_UNPINNED, "accept with `allow [image-unpinned] because …` on app homepage"));
  }

  @Test
  void aDeclarationWithoutABlockGetsOne() throws IOException {
    String text = HEAD + """
        node cp0 { role control-plane; address 10.0.0.10 }
        use cilium
        pool lb { range 10.0.0.100..10.0.0.120; via cilium }
        gateway web { address 10.0.0.100; class cilium; listener http {} }
        app web from web-app(image: "nginx", gateway: web)
        """;
    String after = accepted(text, Code.IMAGE_UNPINNED, "accept with `allow [image-unpinned] because …` on app web");
    assertTrue(after.endsWith("app web from web-app(image: \"nginx\", gateway: web) {\n"
        + "  allow [image-unpinned] because \"say why this cost is acceptable\"\n}\n")
        || after.endsWith("app web from web-app(image: \"nginx\", gateway: web) { allow [image-unpinned] because \"say why this cost is acceptable\" }\n"), after);
  }

  @Test
  void aFindingATemplateMadeIsAcceptedOnTheDeclarationThatTakesIt() throws IOException {
    String text = HEAD + """
        node cp0 { role control-plane; address 10.0.0.10 }

        template web() for app {
          image "nginx:latest"
          port  http 80
        }

        app a from web
        app b from web
        """;
    Analysis analysis = analyse(text);
    List<Diagnostic> unpinned = analysis.diagnostics().stream().filter(d -> d.code() == Code.IMAGE_UNPINNED).toList();
    assertEquals(2, unpinned.size(), unpinned.toString());
    Diagnostic ofA = unpinned.stream().filter(d -> d.related().stream().anyMatch(r -> r.message().startsWith("app a takes this")))
        .findFirst().orElseThrow();
    Fix fix = analysis.acceptFix(ofA).orElseThrow();
    assertEquals("accept with `allow [image-unpinned] because …` on app a", fix.title());
    Files.writeString(dir.resolve("lab.cluster"), TextEdit.apply(ofA.span().file(), analysis.laidOut(fix).edits()));
    List<Diagnostic> after = ClusterCompiler.open(dir, dir).analyse().diagnostics().stream()
        .filter(d -> d.code() == Code.IMAGE_UNPINNED).toList();
    assertEquals(2, after.size(), after.toString());
    assertEquals(1, after.stream().filter(d -> d.message().endsWith("(accepted: say why this cost is acceptable)")).count(),
        "only app a's finding is accepted: " + after);
  }

  @Test
  void theClusterAsALastResortSaysItAcceptsEveryFindingOfTheCode() throws IOException {
    String text = HEAD.replace("nodes 10.0.0.0/24", "nodes 10.0.0.7/24") + "node cp0 { role control-plane; address 10.0.0.10 }\n";
    Analysis analysis = analyse(text);
    Fix fix = analysis.acceptFix(only(analysis, Code.CIDR_NOT_CANONICAL)).orElseThrow();
    assertEquals("accept every `cidr-not-canonical` finding of the cluster with `allow [cidr-not-canonical] because …` on cluster lab",
        fix.title());
  }

  @Test
  void codesThatCannotBeAcceptedAndAcceptedFindingsGetNone() throws IOException {
    Analysis missing = analyse(HEAD + "node cp0 { role control-plane; address 10.0.0.10 }\npool lb { range 10.0.0.100..10.0.0.120; via cilium }\n");
    Diagnostic provider = only(missing, Code.MISSING_PROVIDER);
    assertEquals(Optional.empty(), missing.acceptFix(provider));
    Analysis accepted = analyse(HEAD.replace("domain", "allow [quorum] because \"two is what we have\"\n  domain")
        + "node cp0 { role control-plane; address 10.0.0.10 }\nnode cp1 { role control-plane; address 10.0.0.11 }\n");
    assertEquals(Optional.empty(), accepted.acceptFix(only(accepted, Code.QUORUM)));
  }

  private String accepted(String text, Code code, String title) throws IOException {
    Analysis analysis = analyse(text);
    Diagnostic diagnostic = only(analysis, code);
    Fix fix = analysis.acceptFix(diagnostic).orElseThrow(() -> new AssertionError("no accept fix for " + diagnostic));
    assertEquals(title, fix.title());
    String after = TextEdit.apply(fix.edits().get(0).span().file(), analysis.laidOut(fix).edits());
    Files.writeString(dir.resolve("lab.cluster"), after);
    Analysis again = ClusterCompiler.open(dir, dir).analyse();
    Diagnostic kept = only(again, code);
    assertTrue(kept.message().endsWith("(accepted: say why this cost is acceptable)"), kept.toString());
    assertTrue(again.diagnostics().stream().noneMatch(Diagnostic::isError), again.diagnostics().toString());
    return after;
  }

  private Analysis analyse(String text) throws IOException {
    Files.writeString(dir.resolve("lab.cluster"), text);
    return ClusterCompiler.open(dir, dir).analyse();
  }

  private static Diagnostic only(Analysis analysis, Code code) {
    var found = analysis.diagnostics().stream().filter(d -> d.code() == code).toList();
    assertEquals(1, found.size(), analysis.diagnostics().toString());
    return found.get(0);
  }
}
