package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which cluster a document belongs to, as it changes while the user types, and what is published
 * for it: an imported file keeps its cluster's diagnostics, moves in when an import appears and out
 * when it goes, and a directory analysed on its own never overwrites what the cluster says.
 */
class SessionTest {
  static final String CLUSTER = """
      cluster imp {
        domain "imp.example"
        network { nodes 10.0.0.0/16 }
      }
      node cp0 { role control-plane; address 10.0.0.2 }
      """;

  @TempDir
  Path dir;

  @Test
  void savingAnImportedFileKeepsItsClustersDiagnostics() throws IOException {
    write("cluster.cluster", CLUSTER + "import \"lib/media.cluster\"\n");
    Path media = write("lib/media.cluster", "volume media { size 1Gi; backup nope }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(media);
      lsp.diagnostics(uri, d -> hasCode(d, "undefined-reference"));
      lsp.save(uri);
      lsp.change(uri, "volume media { size 1Gi; backup nope }\nvolume other { size 1Gi; backup nada }\n");
      lsp.diagnostics(uri, d -> d.stream().filter(x -> "undefined-reference".equals(code(x))).count() == 2);
      assertTrue(lsp.publications(uri).stream().noneMatch(List::isEmpty),
          "the directory analysed on its own must not clear the cluster's diagnostics: " + lsp.publications(uri));
    }
  }

  @Test
  void aDocumentMovesIntoTheClusterThatStartsToImportItWithItsUnsavedText() throws IOException {
    Path main = write("cluster.cluster", CLUSTER);
    Path media = write("lib/media.cluster", "volume media { size 1Gi; backup nope }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String mediaUri = lsp.open(media);
      lsp.diagnostics(mediaUri, List::isEmpty);
      lsp.change(mediaUri, "volume media { size 1Gi; backup unsaved }\n");
      String mainUri = lsp.open(main);
      lsp.diagnostics(mainUri, d -> true);
      lsp.change(mainUri, CLUSTER + "import \"lib/media.cluster\"\n");
      List<Diagnostic> published = lsp.diagnostics(mediaUri, d -> hasCode(d, "undefined-reference"));
      assertTrue(published.stream().anyMatch(d -> LspHarness.message(d).contains("unsaved")),
          "the error comes from the editor's text, not the disk's: " + published);
      assertTrue(published.stream().noneMatch(d -> LspHarness.message(d).contains("nope")), published.toString());
    }
  }

  @Test
  void aDocumentTheClusterStopsImportingStillGetsItsSyntaxDiagnostics() throws IOException {
    Path main = write("cluster.cluster", CLUSTER + "import \"lib/media.cluster\"\n");
    Path media = write("lib/media.cluster", "volume media { size 1Gi; backup none }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String mediaUri = lsp.open(media);
      String mainUri = lsp.open(main);
      lsp.diagnostics(mediaUri, List::isEmpty);
      lsp.change(mediaUri, "volume media { size 1Gi; backup none\n");
      lsp.diagnostics(mediaUri, d -> hasCode(d, "syntax"));
      lsp.change(mainUri, CLUSTER);
      lsp.change(mediaUri, "volume media { size 1Gi; backup none\nvolume x {\n");
      lsp.diagnostics(mediaUri, d -> d.stream().filter(x -> "syntax".equals(code(x))).count() >= 2);
      var hover = LspHarness.get(lsp.server.getTextDocumentService().hover(
          new HoverParams(new TextDocumentIdentifier(mediaUri), new Position(0, 2))));
      assertTrue(hover != null, "the document is still answered for once it belongs to no cluster");
    }
  }

  @Test
  void aCleanFileIsPublishedOnceNotOnEveryKeystroke() throws IOException {
    Path main = write("cluster.cluster", CLUSTER);
    Path other = write("other.cluster", "volume media { size 1Gi; backup none }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(main);
      String otherUri = LspHarness.uri(other);
      lsp.diagnostics(otherUri, List::isEmpty);
      for (int i = 0; i < 5; i++) {
        lsp.change(uri, CLUSTER + "# edit " + i + "\n");
      }
      lsp.change(uri, CLUSTER + "app web { image \"nginx:1.27\"; depends-on [nowhere] }\n");
      lsp.diagnostics(uri, d -> hasCode(d, "undefined-reference"));
      assertEquals(1, lsp.publications(otherUri).size(), "the other file's empty list is sent once: " + lsp.publications(otherUri));
    }
  }

  @Test
  void aRefusedDocumentIsNeverFormattedFromTheFileOnDisk() throws IOException {
    Path file = write("cluster.cluster", CLUSTER + "volume   v   { size 1Gi; backup none }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file, "# a header\n\0 binary\n");
      lsp.diagnostics(uri, d -> d.size() == 1 && LspHarness.message(d.get(0)).contains("binary"));
      var edits = LspHarness.get(lsp.server.getTextDocumentService().formatting(
          new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(2, true))));
      assertEquals(List.of(), edits);
    }
  }

  @Test
  void aFileWhoseUriTheEditorEscapesDifferentlyKeepsItsDiagnostics() throws IOException {
    Path main = write("par(1)/cluster.cluster", CLUSTER);
    Path apps = write("par(1)/apps.cluster", "app web { image \"nginx:1.27\"; depends-on [nowhere] }\n");
    try (LspHarness lsp = LspHarness.start()) {
      lsp.open(main);
      String javaUri = LspHarness.uri(apps);
      lsp.diagnostics(javaUri, d -> hasCode(d, "undefined-reference"));
      String editorUri = javaUri.replace("(", "%28").replace(")", "%29");
      lsp.open(editorUri, Files.readString(apps));
      lsp.change(editorUri, "app web { image \"nginx:1.27\"; depends-on [nowhere, nothing] }\n");
      lsp.diagnostics(editorUri, d -> d.stream().filter(x -> "undefined-reference".equals(code(x))).count() == 2);
      assertTrue(lsp.publications(javaUri).stream().noneMatch(List::isEmpty), lsp.publications(javaUri).toString());
    }
  }

  @Test
  void requestsWithoutADocumentOrAfterShutdownAreRefusedAsTheProtocolSays() throws IOException {
    try (LspHarness lsp = LspHarness.start()) {
      HoverParams noDocument = new HoverParams();
      noDocument.setPosition(new Position(0, 0));
      var missing = lsp.server.getTextDocumentService().hover(noDocument);
      assertEquals(ResponseErrorCode.InvalidParams.getValue(), errorCode(missing));
      LspHarness.get(lsp.server.shutdown());
      var late = lsp.server.getTextDocumentService().hover(
          new HoverParams(new TextDocumentIdentifier(LspHarness.uri(dir.resolve("x.cluster"))), new Position(0, 0)));
      assertEquals(ResponseErrorCode.InvalidRequest.getValue(), errorCode(late));
      lsp.server.exit();
    }
  }

  @Test
  void aDocumentClosedBeforeItWasPlacedLeavesNoDiagnosticsBehind() throws IOException {
    Path loose = write("loose/x.cluster", "app web { image \"nginx:1.27\"; bogus 1 }\n");
    Path other = write("other/y.cluster", "app other { image \"nginx:1.27\"; bogus 2 }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = LspHarness.uri(loose);
      for (int i = 0; i < 20; i++) {
        lsp.open(loose);
        lsp.close(uri);
      }
      String otherUri = lsp.open(other);
      lsp.diagnostics(otherUri, d -> hasCode(d, "unknown-property"));
      List<List<Diagnostic>> published = lsp.publications(uri);
      assertTrue(published.isEmpty() || published.get(published.size() - 1).isEmpty(),
          "a closed document keeps no diagnostics: " + published);
    }
  }

  @Test
  void aDirectoryAnalysedAloneNeverClearsWhatTheClusterSaysOfAFileNobodyHasOpen() throws IOException {
    Path main = write("cluster.cluster", CLUSTER + "import \"lib/a.cluster\"\nimport \"lib/b.cluster\"\n");
    write("lib/a.cluster", "volume a { size 1Gi; backup none }\n");
    Path b = write("lib/b.cluster", "volume b { size 1Gi; backup nope }\n");
    Path x = write("lib/x.cluster", "volume x { size 1Gi; backup none }\n");
    try (LspHarness lsp = LspHarness.start()) {
      lsp.open(main);
      String bUri = LspHarness.uri(b);
      lsp.diagnostics(bUri, d -> hasCode(d, "undefined-reference"));
      String xUri = lsp.open(x);
      lsp.change(xUri, "volume x { size 1Gi; backup none; bogus 1 }\n");
      lsp.diagnostics(xUri, d -> hasCode(d, "unknown-property"));
      assertTrue(lsp.publications(bUri).stream().noneMatch(List::isEmpty), lsp.publications(bUri).toString());
    }
  }

  @Test
  void aDocumentWhoseDirectoryIsNotOnDiskYetIsAnalysed() throws IOException {
    Path fresh = dir.resolve("not-yet/n.cluster");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(fresh, "app web { image \"nginx:1.27\"; bogus 1 }\n");
      lsp.diagnostics(uri, d -> hasCode(d, "unknown-property"));
    }
  }

  @Test
  void anAnswerReadsTheEditorsTextOfEveryOpenDocumentNotTheDisks() throws IOException {
    Path main = write("cluster.cluster", CLUSTER + "app web { image \"nginx:1.27\"; mount data at \"/d\" }\n");
    Path b = write("b.cluster", "volume data { size 1Gi; backup none }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String mainUri = lsp.open(main);
      String bUri = lsp.open(b);
      lsp.change(bUri, "# a line above\nvolume data { size 1Gi; backup none }\n");
      int line = (int) (CLUSTER + "app web").chars().filter(c -> c == '\n').count();
      int column = "app web { image \"nginx:1.27\"; mount da".length();
      var found = LspHarness.get(lsp.server.getTextDocumentService().definition(
          new org.eclipse.lsp4j.DefinitionParams(new TextDocumentIdentifier(mainUri), new Position(line, column)))).getLeft();
      assertEquals(1, found.size(), found.toString());
      assertEquals(1, found.get(0).getRange().getStart().getLine(), "the declaration as the editor has it, one line down");
    }
  }

  @Test
  void aClusterImportingAFileNotSavedYetReadsTheEditorsText() throws IOException {
    Path main = write("cluster.cluster", CLUSTER);
    Path fresh = dir.resolve("newdir/sub/n.cluster");
    try (LspHarness lsp = LspHarness.start()) {
      String mainUri = lsp.open(main);
      lsp.diagnostics(mainUri, List::isEmpty);
      String freshUri = lsp.open(fresh, "volume n { size 1Gi; backup nope }\n");
      lsp.diagnostics(freshUri, List::isEmpty);
      lsp.change(mainUri, CLUSTER + "import \"newdir/sub/n.cluster\"\n");
      lsp.diagnostics(freshUri, d -> hasCode(d, "undefined-reference"));
      lsp.diagnostics(mainUri, d -> !hasCode(d, "import-not-found"));
    }
  }

  private static int errorCode(java.util.concurrent.CompletableFuture<?> future) {
    try {
      future.get(LspHarness.DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof ResponseErrorException error) {
        return error.getResponseError().getCode();
      }
      throw new AssertionError("not a response error: " + e.getCause(), e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("answered instead of refused");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static boolean hasCode(List<Diagnostic> diagnostics, String code) {
    return diagnostics.stream().anyMatch(d -> code.equals(code(d)));
  }

  private static String code(Diagnostic diagnostic) {
    return diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
  }
}
