package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outline of a document and symbols across the workspace, and the navigation capabilities the server declares. */
class SymbolsTest {
  @TempDir
  Path dir;

  @Test
  void theServerSaysItNavigates() throws IOException {
    try (LspHarness lsp = LspHarness.start()) {
      ServerCapabilities capabilities = lsp.initialized.getCapabilities();
      assertEquals(Either.forLeft(true), capabilities.getDefinitionProvider());
      assertEquals(Either.forLeft(true), capabilities.getReferencesProvider());
      assertTrue(capabilities.getRenameProvider().getRight().getPrepareProvider());
      assertEquals(Either.forLeft(true), capabilities.getDocumentSymbolProvider());
      assertEquals(Either.forLeft(true), capabilities.getWorkspaceSymbolProvider());
    }
  }

  @Test
  void theHomelabsOutlineIsATreeOfItsDeclarations() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      List<Either<SymbolInformation, DocumentSymbol>> symbols = LspHarness.get(lsp.server.getTextDocumentService()
          .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))));
      StringBuilder out = new StringBuilder();
      symbols.forEach(s -> render(s.getRight(), "", out));
      Goldens.check("navigation/homelab-outline.golden", out.toString());
    }
  }

  @Test
  void workspaceSymbolsMatchTheQuerysLettersInOrderAcrossFilesAndTheLibrary() throws IOException {
    NavigationFixtures.write(dir, "a.cluster", DefinitionsTest.CLUSTER + "volume sonarr-config { size 1Gi; backup none }\n");
    NavigationFixtures.write(dir, "b.cluster", "app sonarr { image \"x:1\"; mount sonarr-config at \"/c\" }\nuse cilium\n");
    try (LspHarness lsp = LspHarness.start()) {
      lsp.open(dir.resolve("a.cluster"));
      assertEquals(List.of("sonarr-config volume in a.cluster a.cluster:7:8-7:21"), symbols(lsp, "SCONF"));
      assertEquals(List.of("sonarr app in b.cluster b.cluster:1:5-1:11", "sonarr-config volume in a.cluster a.cluster:7:8-7:21"),
          symbols(lsp, "sonarr"), "the query as a prefix of a shorter name first");
      assertEquals(List.of("cilium component in std/cilium.cluster std/cilium.cluster:3:11-3:17"), symbols(lsp, "cilium"),
          "the library's declarations too, but not a `use`");
      assertTrue(symbols(lsp, "").size() > 20, "an empty query lists everything");
      assertEquals(List.of(), symbols(lsp, "zzz"));
    }
  }

  private List<String> symbols(LspHarness lsp, String query) {
    List<? extends WorkspaceSymbol> found = LspHarness.get(lsp.server.getWorkspaceService().symbol(new WorkspaceSymbolParams(query))).getRight();
    return found.stream().map(s -> s.getName() + " " + s.getContainerName() + " "
        + NavigationFixtures.show(dir, s.getLocation().getLeft())).map(s -> s.substring(0, s.lastIndexOf(' '))).toList();
  }

  private static void render(DocumentSymbol symbol, String indent, StringBuilder out) {
    out.append(indent).append(symbol.getName()).append(" (").append(symbol.getDetail()).append(", ").append(symbol.getKind()).append(") ")
        .append(NavigationFixtures.show(symbol.getRange())).append(" name ").append(NavigationFixtures.show(symbol.getSelectionRange())).append('\n');
    if (symbol.getChildren() != null) {
      symbol.getChildren().forEach(c -> render(c, indent + "  ", out));
    }
  }

  static Location location(WorkspaceSymbol symbol) {
    return symbol.getLocation().getLeft();
  }
}
