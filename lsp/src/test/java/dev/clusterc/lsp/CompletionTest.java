package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Completion over the protocol: each {@code completion/NAME.cluster} (with a {@code |} cursor) is
 * opened as {@code main.cluster} in a directory holding a few other files, and the items answered
 * are compared with {@code completion/NAME.golden}.
 */
class CompletionTest {
  static final Path INPUTS = Goldens.ROOT.resolve("completion");

  @TempDir
  Path dir;

  static Stream<String> inputs() throws IOException {
    try (Stream<Path> files = Files.list(INPUTS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cluster"))
          .map(n -> n.substring(0, n.length() - ".cluster".length())).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void itemsAtTheCursorAreTheGoldenOnes(String name) throws IOException {
    LspHarness.Cursor cursor = LspHarness.Cursor.of(Files.readString(INPUTS.resolve(name + ".cluster")));
    neighbours();
    Path main = write("main.cluster", cursor.text());
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(main);
      CompletionList list = complete(lsp, uri, cursor.position());
      Goldens.check("completion/" + name + ".golden", render(cursor, list));
    }
  }

  @Test
  void aPositionInTheHomelabExampleOffersItsVolumesAndEntries() throws IOException {
    Path homelab = Path.of("../examples/homelab");
    Path copy = dir.resolve("homelab");
    copyTree(homelab, copy);
    Path file = copy.resolve("cluster.cluster");
    String text = Files.readString(file);
    String marked = text.replaceFirst("(app sonarr[^\\n]*\\n)", "$1  mount |\n");
    assertFalse(marked.equals(text), "the example has an app sonarr");
    LspHarness.Cursor cursor = LspHarness.Cursor.of(marked);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file, cursor.text());
      Goldens.check("completion/homelab-mount.golden", render(cursor, complete(lsp, uri, cursor.position())));
      String keys = text.replaceFirst("(app sonarr[^\\n]*\\n)", "$1  |\n");
      LspHarness.Cursor entry = LspHarness.Cursor.of(keys);
      lsp.change(uri, entry.text());
      Goldens.check("completion/homelab-entry.golden", render(entry, complete(lsp, uri, entry.position())));
    }
  }

  @Test
  void aCursorPastTheLastLineOrInAnUnknownDocumentGetsNoItemsAndTheServerGoesOn() throws IOException {
    Path main = write("main.cluster", "app web { image \"nginx:1.27\" }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(main);
      assertEquals(List.of(), complete(lsp, uri, new Position(40, 3)).getItems());
      assertEquals(List.of(), complete(lsp, LspHarness.uri(dir.resolve("nowhere.cluster")), new Position(0, 0)).getItems());
      assertFalse(complete(lsp, uri, new Position(1, 0)).getItems().isEmpty(), "the line after the last one is a new item");
      assertFalse(lsp.serverLog().contains("failed"), lsp.serverLog());
    }
  }

  @Test
  void anEditorThatTakesSnippetsGetsTheSignatureAsTabStops() throws IOException {
    LspHarness.Cursor cursor = LspHarness.Cursor.of(Files.readString(INPUTS.resolve("entry-key-required.cluster")));
    Path main = write("main.cluster", cursor.text());
    ClientCapabilities capabilities = new ClientCapabilities();
    capabilities.setTextDocument(new TextDocumentClientCapabilities());
    capabilities.getTextDocument().setCompletion(new CompletionCapabilities(new CompletionItemCapabilities(true)));
    try (LspHarness lsp = LspHarness.start(capabilities)) {
      String uri = lsp.open(main);
      CompletionList list = complete(lsp, uri, cursor.position());
      Goldens.check("completion/snippets.golden", render(cursor, list));
      assertTrue(list.getItems().stream().allMatch(i -> i.getInsertTextFormat() == InsertTextFormat.Snippet), list.toString());
      CompletionItem size = list.getItems().get(0);
      assertEquals("size", size.getLabel(), "the required entry comes first");
      assertTrue(size.getDocumentation().getRight().getValue().contains("required"), size.getDocumentation().toString());
    }
  }

  @Test
  void theCompletionCapabilityNamesItsTriggers() throws IOException {
    try (LspHarness lsp = LspHarness.start()) {
      var provider = lsp.initialized.getCapabilities().getCompletionProvider();
      assertTrue(provider.getTriggerCharacters().containsAll(List.of("\"", "/", "$")), provider.toString());
    }
  }

  static CompletionList complete(LspHarness lsp, String uri, Position position) {
    var answer = LspHarness.get(lsp.server.getTextDocumentService().completion(
        new CompletionParams(new TextDocumentIdentifier(uri), position)));
    return answer.isRight() ? answer.getRight() : new CompletionList(answer.getLeft());
  }

  /** One line per item: label, kind, detail, and the edit (range and text) it makes; its documentation below. */
  static String render(LspHarness.Cursor cursor, CompletionList list) {
    String line = cursor.text().split("\n", -1)[cursor.position().getLine()];
    String head = "at " + (cursor.position().getLine() + 1) + ":" + (cursor.position().getCharacter() + 1) + " of `"
        + line.substring(0, cursor.position().getCharacter()) + "|" + line.substring(cursor.position().getCharacter()) + "`\n";
    if (list.getItems().isEmpty()) {
      return head + "(no items)\n";
    }
    return head + list.getItems().stream().map(CompletionTest::render).collect(Collectors.joining("\n", "", "\n"));
  }

  static String render(CompletionItem item) {
    TextEdit edit = item.getTextEdit().getLeft();
    Range range = edit.getRange();
    return item.getLabel() + " | " + item.getKind() + " | " + item.getDetail() + " | "
        + range.getStart().getLine() + ":" + range.getStart().getCharacter() + "-" + range.getEnd().getLine() + ":"
        + range.getEnd().getCharacter() + " " + quoted(edit.getNewText())
        + (item.getDocumentation() == null ? "" : "\n    doc: " + quoted(item.getDocumentation().getRight().getValue()));
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"") + "\"";
  }

  /** The files around {@code main.cluster} that path completion lists. */
  private void neighbours() throws IOException {
    write("other.cluster", "volume spare { size 1Gi; backup none }\n");
    write("lib/templates.cluster", "template scratch(owner: string) for volume { size 1Gi; backup none }\n");
    write(".hidden.cluster", "\n");
    write("notes.txt", "not a source\n");
    write("secrets/token.sops.yaml", "kind: Secret\n");
    write("secrets/plain.yaml", "kind: Secret\n");
    write("secrets/token.sealed.yaml", "kind: SealedSecret\n");
    write("secrets/readme.md", "\n");
    write("manifests/extra.yaml", "kind: ConfigMap\n");
    write("manifests/example.yml", "kind: ConfigMap\n");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.filter(p -> !p.toString().contains("/expected")).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
