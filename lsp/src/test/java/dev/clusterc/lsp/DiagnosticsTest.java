package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnostics as an editor receives them: published per file, updated on edits, cleared when fixed, never a dead server. */
class DiagnosticsTest {
  static final Path HOMELAB = Path.of("../examples/homelab/cluster.cluster");

  @TempDir
  Path dir;

  @Test
  void anExampleGetsTheCompilersWarningWithCodeHintAndRelatedPlace() throws IOException {
    Path file = copyHomelab();
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      List<Diagnostic> published = lsp.diagnostics(uri, d -> !d.isEmpty());
      assertEquals(1, published.size(), published.toString());
      Diagnostic warning = published.get(0);
      assertEquals("cross-namespace-database", warning.getCode().getLeft());
      assertEquals(DiagnosticSeverity.Warning, warning.getSeverity());
      assertEquals("clusterc", warning.getSource());
      assertEquals(103, warning.getRange().getStart().getLine());
      assertEquals(2, warning.getRange().getStart().getCharacter());
      assertTrue(LspHarness.message(warning).contains("\nhint: add `use external-secrets`"), LspHarness.message(warning));
      assertEquals(uri, warning.getRelatedInformation().get(0).getLocation().getUri());
      assertEquals(81, warning.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());
    }
  }

  @Test
  void anEditThatBreaksAReferenceIsReportedAndItsFixClearsIt() throws IOException {
    Path file = copyHomelab();
    String text = Files.readString(file);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      lsp.diagnostics(uri, d -> d.size() == 1);
      lsp.change(uri, text.replace("database postgres as SONARR__POSTGRES", "database postgre as SONARR__POSTGRES"));
      Diagnostic error = lsp.diagnostics(uri, d -> d.stream().anyMatch(x -> x.getSeverity() == DiagnosticSeverity.Error)).stream()
          .filter(x -> x.getSeverity() == DiagnosticSeverity.Error).findFirst().orElseThrow();
      assertEquals("undefined-reference", error.getCode().getLeft());
      assertTrue(LspHarness.message(error).contains("postgre"), LspHarness.message(error));
      lsp.change(uri, text);
      lsp.diagnostics(uri, d -> d.size() == 1 && "cross-namespace-database".equals(d.get(0).getCode().getLeft()));
    }
  }

  @Test
  void problemsInAnotherFileOfTheClusterArePublishedForThatFileAndClearedWhenFixed() throws IOException {
    Path main = write("main.cluster", """
        cluster two {
          domain "two.example"
          network { nodes 10.0.0.0/16 }
        }
        node cp0 { role control-plane; address 10.0.0.2 }
        """);
    Path other = write("apps.cluster", "app web { image \"nginx:1.27\"; depends-on [nowhere] }\n");
    try (LspHarness lsp = LspHarness.start()) {
      lsp.open(main);
      String otherUri = LspHarness.uri(other);
      List<Diagnostic> published = lsp.diagnostics(otherUri, d -> !d.isEmpty());
      assertTrue(published.stream().anyMatch(d -> "undefined-reference".equals(d.getCode().getLeft())), published.toString());
      String opened = lsp.open(other);
      lsp.change(opened, "app web { image \"nginx:1.27\" }\n");
      lsp.diagnostics(otherUri, d -> d.stream().noneMatch(x -> "undefined-reference".equals(x.getCode().getLeft())));
    }
  }

  @Test
  void aDocumentOutsideAnyClusterGetsSyntaxDiagnosticsOnly() throws IOException {
    Path lone = write("lib/templates.cluster", "app web { image \"nginx:1.27\"; depends-on [nowhere] }\nvolume data { size 1Gi \n");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(lone);
      List<Diagnostic> published = lsp.diagnostics(uri, d -> !d.isEmpty());
      assertTrue(published.stream().allMatch(d -> "syntax".equals(d.getCode().getLeft())), published.toString());
      lsp.change(uri, "app web { image \"nginx:1.27\"; depends-on [nowhere] }\n");
      lsp.diagnostics(uri, List::isEmpty);
    }
  }

  @Test
  void aCrashingAnalysisIsADiagnosticAtTheStartAndTheServerGoesOn() throws IOException {
    Path file = copyHomelab();
    String text = Files.readString(file);
    Function<ClusterCompiler, Analysis> crashOnSecond = compiler -> {
      Analysis analysis = compiler.analyse();
      if (analysis.documents().stream().anyMatch(f -> f.text().contains("# crash here"))) {
        throw new IllegalStateException("analysis crashed on purpose");
      }
      return analysis;
    };
    try (LspHarness lsp = LspHarness.start(crashOnSecond)) {
      String uri = lsp.open(file);
      lsp.diagnostics(uri, d -> d.size() == 1 && "cross-namespace-database".equals(d.get(0).getCode().getLeft()));
      lsp.change(uri, text + "\n# crash here\n");
      Diagnostic crash = lsp.diagnostics(uri, d -> d.size() == 1 && LspHarness.message(d.get(0)).contains("internal error")).get(0);
      assertEquals(0, crash.getRange().getStart().getLine());
      assertEquals(0, crash.getRange().getStart().getCharacter());
      assertTrue(lsp.serverLog().contains("analysis crashed on purpose"), lsp.serverLog());
      var tokens = LspHarness.get(lsp.server.getTextDocumentService().semanticTokensFull(
          new org.eclipse.lsp4j.SemanticTokensParams(new TextDocumentIdentifier(uri))));
      assertFalse(tokens.getData().isEmpty(), "a crashed analysis still colours the document from its syntax");
      lsp.change(uri, text);
      lsp.diagnostics(uri, d -> d.size() == 1 && "cross-namespace-database".equals(d.get(0).getCode().getLeft()));
      assertEquals(0, lsp.shutdown());
    }
  }

  @Test
  void hugeAndBinaryDocumentsAreRefusedPolitely() throws IOException {
    Path file = copyHomelab();
    String text = Files.readString(file);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      lsp.diagnostics(uri, d -> d.size() == 1);
      lsp.change(uri, text + "#" + "x".repeat(2 * 1024 * 1024) + "\n");
      Diagnostic huge = lsp.diagnostics(uri, d -> d.size() == 1 && LspHarness.message(d.get(0)).contains("too large")).get(0);
      assertEquals(DiagnosticSeverity.Error, huge.getSeverity());
      lsp.change(uri, "cluster x {\0\1\2 }");
      lsp.diagnostics(uri, d -> d.size() == 1 && LspHarness.message(d.get(0)).contains("binary"));
      lsp.change(uri, text);
      lsp.diagnostics(uri, d -> d.size() == 1 && "cross-namespace-database".equals(d.get(0).getCode().getLeft()));
    }
  }

  @Test
  void formattingRewritesOnlyWhatFmtWould() throws IOException {
    Path file = write("c.cluster", "cluster c {\ndomain \"c.example\"\n  network { nodes 10.0.0.0/16 }\n}\nnode cp0 {  role control-plane; address 10.0.0.2 }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      var edits = LspHarness.get(lsp.server.getTextDocumentService().formatting(
          new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(2, true))));
      assertEquals(1, edits.size(), edits.toString());
      assertEquals(1, edits.get(0).getRange().getStart().getLine(), "the first line is already formatted");
      assertEquals(0, edits.get(0).getRange().getEnd().getCharacter(), "whole lines: the edit ends at a line start");
      SourceFile before = new SourceFile("c.cluster", Files.readString(file));
      var edit = edits.get(0);
      String after = TextEdit.apply(before, List.of(new TextEdit(new SourceSpan(before,
          before.offset(edit.getRange().getStart().getLine() + 1, edit.getRange().getStart().getCharacter() + 1),
          before.offset(edit.getRange().getEnd().getLine() + 1, edit.getRange().getEnd().getCharacter() + 1)), edit.getNewText())));
      assertEquals(Documents.format(before).text().orElseThrow(), after);
    }
  }

  private Path copyHomelab() throws IOException {
    Path target = dir.resolve("homelab");
    Files.createDirectories(target);
    try (var files = Files.list(HOMELAB.getParent())) {
      for (Path source : files.toList()) {
        if (source.toString().endsWith(".cluster")) {
          Files.copy(source, target.resolve(source.getFileName()));
        }
      }
    }
    Path secrets = HOMELAB.getParent().resolve("secrets");
    if (Files.isDirectory(secrets)) {
      Files.createDirectories(target.resolve("secrets"));
      try (var files = Files.list(secrets)) {
        for (Path source : files.toList()) {
          Files.copy(source, target.resolve("secrets").resolve(source.getFileName()));
        }
      }
    }
    return target.resolve("cluster.cluster");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
