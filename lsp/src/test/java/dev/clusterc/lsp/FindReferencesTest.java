package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Find references through the protocol: across files, with or without the declaration, from a reference or the declaration. */
class FindReferencesTest {
  @TempDir
  Path dir;

  @Test
  void aVolumeIsFoundInBothFilesWithItsDeclarationOnlyWhenAsked() throws IOException {
    var cursor = LspHarness.Cursor.of(DefinitionsTest.CLUSTER.replace("volume data", "volume da|ta"));
    Path a = NavigationFixtures.write(dir, "a.cluster", cursor.text());
    Path b = NavigationFixtures.write(dir, "b.cluster", """
        app web { image "nginx:1.27"; mount data at "/data" }
        app api { image "api:1"; mount data at "/d"; depends-on [web, data] }
        """);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(a);
      assertEquals(List.of("a.cluster:6:8-6:12 data", "b.cluster:1:37-1:41 data", "b.cluster:2:32-2:36 data", "b.cluster:2:63-2:67 data"),
          shown(references(lsp, uri, cursor.position(), true)));
      assertEquals(List.of("b.cluster:1:37-1:41 data", "b.cluster:2:32-2:36 data", "b.cluster:2:63-2:67 data"),
          shown(references(lsp, uri, cursor.position(), false)));
      String bUri = lsp.open(b);
      assertEquals(List.of("a.cluster:6:8-6:12 data", "b.cluster:1:37-1:41 data", "b.cluster:2:32-2:36 data", "b.cluster:2:63-2:67 data"),
          shown(references(lsp, bUri, new Position(1, 33), true)), "from a reference in the other file");
      assertEquals(List.of(), references(lsp, bUri, new Position(0, 12), true), "`image` names nothing");
    }
  }

  @Test
  void namesOfTheHomelabAreFoundWhereTheGoldenFileSays() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    String text = Files.readString(file);
    StringBuilder out = new StringBuilder();
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      for (String marked : List.of("backup night|ly", "gateway inter|nal", "certificate wild|card", "template media-app(po|rt",
          "from media-a|pp", "use cil|ium", "database post|gres", "secret r2-cred|entials")) {
        int at = text.indexOf(marked.replace("|", ""));
        var cursor = LspHarness.Cursor.of(text.substring(0, at) + marked + text.substring(at + marked.length() - 1));
        out.append(marked).append(":\n");
        references(lsp, uri, cursor.position(), true).forEach(l -> out.append("  ").append(NavigationFixtures.show(dir.resolve("homelab"), l)).append('\n'));
      }
    }
    Goldens.check("navigation/homelab-references.golden", out.toString());
  }

  static List<? extends Location> references(LspHarness lsp, String uri, Position position, boolean declaration) {
    return LspHarness.get(lsp.server.getTextDocumentService().references(
        new ReferenceParams(new TextDocumentIdentifier(uri), position, new ReferenceContext(declaration))));
  }

  private List<String> shown(List<? extends Location> locations) {
    return locations.stream().map(l -> NavigationFixtures.show(dir, l)).toList();
  }
}
