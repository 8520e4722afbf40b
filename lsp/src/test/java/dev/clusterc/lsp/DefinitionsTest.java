package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go to definition through the protocol: across files, into the standard library's files on disk, from them, and from imports. */
class DefinitionsTest {
  static final String CLUSTER = """
      cluster two {
        domain "two.example"
        network { nodes 10.0.0.0/16 }
      }
      node cp0 { role control-plane; address 10.0.0.2 }
      volume data { size 1Gi; backup none }
      """;

  @TempDir
  Path dir;

  @Test
  void aReferenceInOneFileLeadsToTheDeclarationInAnother() throws IOException {
    NavigationFixtures.write(dir, "a.cluster", CLUSTER);
    var cursor = LspHarness.Cursor.of("app web { image \"nginx:1.27\"; mount da|ta at \"/data\" }\n");
    Path b = NavigationFixtures.write(dir, "b.cluster", cursor.text());
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(b);
      assertEquals(List.of("a.cluster:6:8-6:12 data"), shown(lsp, definition(lsp, uri, cursor.position())));
    }
  }

  @Test
  void useLeadsIntoTheStandardLibrarysReadOnlyFileOnDisk() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    var cursor = LspHarness.Cursor.of(Files.readString(file).replace("use cilium", "use cil|ium"));
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file, cursor.text());
      List<Location> found = definition(lsp, uri, cursor.position());
      assertEquals(List.of("std/cilium.cluster:3:11-3:17 cilium"), shown(lsp, found));
      Path library = Path.of(URI.create(found.get(0).getUri()));
      assertTrue(Files.readString(library).contains("component cilium {"));
      assertTrue(library.getFileName().toString().endsWith(".cluster"), "an editor knows the language by the extension");
      assertFalse(Files.getPosixFilePermissions(library).contains(PosixFilePermission.OWNER_WRITE), "the library's copy is read-only");
    }
  }

  @Test
  void inAnOpenedLibraryDocumentTheClusterTheUserCameFromAnswers() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    var cursor = LspHarness.Cursor.of(Files.readString(file).replace("use cilium", "use cil|ium"));
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file, cursor.text());
      Path library = Path.of(URI.create(definition(lsp, uri, cursor.position()).get(0).getUri()));
      String libraryText = Files.readString(library);
      String libraryUri = lsp.open(library, libraryText);

      var dependsOn = LspHarness.Cursor.of(libraryText.replace("depends-on [gateway-api]", "depends-on [gateway-a|pi]"));
      assertEquals(List.of("std/gateway-api.cluster:4:11-4:22 gateway-api"), shown(lsp, definition(lsp, libraryUri, dependsOn.position())));

      var declaration = LspHarness.Cursor.of(libraryText.replace("component cilium", "component cil|ium"));
      List<? extends Location> references = LspHarness.get(lsp.server.getTextDocumentService().references(new ReferenceParams(
          new TextDocumentIdentifier(libraryUri), declaration.position(), new ReferenceContext(true))));
      assertEquals(List.of(
          "std/cilium.cluster:3:11-3:17 cilium",
          "cluster.cluster:24:5-24:11 cilium",
          "cluster.cluster:39:12-39:18 cilium",
          "cluster.cluster:58:12-58:18 cilium",
          "cluster.cluster:64:12-64:18 cilium"), shown(lsp, references));
      assertFalse(lsp.serverLog().contains("Exception"), lsp.serverLog());
    }
  }

  @Test
  void aLibraryDocumentOpenedBeforeAnyClusterIsStillNavigable() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    var cursor = LspHarness.Cursor.of(Files.readString(file).replace("use cilium", "use cil|ium"));
    Path library;
    try (LspHarness lsp = LspHarness.start()) {
      library = Path.of(URI.create(definition(lsp, lsp.open(file, cursor.text()), cursor.position()).get(0).getUri()));
    }
    String libraryText = Files.readString(library);
    try (LspHarness lsp = LspHarness.start()) {
      String libraryUri = lsp.open(library, libraryText);
      var dependsOn = LspHarness.Cursor.of(libraryText.replace("depends-on [gateway-api]", "depends-on [gateway-a|pi]"));
      assertEquals(List.of("std/gateway-api.cluster:4:11-4:22 gateway-api"), shown(lsp, definition(lsp, libraryUri, dependsOn.position())),
          "an editor that restores the library's tab first");
      var symbols = LspHarness.get(lsp.server.getTextDocumentService().documentSymbol(
          new org.eclipse.lsp4j.DocumentSymbolParams(new TextDocumentIdentifier(libraryUri))));
      assertEquals(List.of("cilium"), symbols.stream().map(s -> s.getRight().getName()).toList());
    }
  }

  @Test
  void anImportLeadsToTheFilesItNames() throws IOException {
    NavigationFixtures.write(dir, "lib/b.cluster", "volume b { size 1Gi; backup none }\n");
    NavigationFixtures.write(dir, "lib/a.cluster", "volume a { size 1Gi; backup none }\n");
    var cursor = LspHarness.Cursor.of("import \"l|ib\"\n" + CLUSTER);
    Path main = NavigationFixtures.write(dir, "main.cluster", cursor.text());
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(main);
      assertEquals(List.of("lib/a.cluster:1:1-1:1 ", "lib/b.cluster:1:1-1:1 "), shown(lsp, definition(lsp, uri, cursor.position())));
    }
  }

  @Test
  void aTemplateNameLeadsToTheTemplate() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    var cursor = LspHarness.Cursor.of(Files.readString(file).replace("app sonarr from media-app", "app sonarr from media-a|pp"));
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file, cursor.text());
      assertEquals(List.of("cluster.cluster:90:10-90:19 media-app"), shown(lsp, definition(lsp, uri, cursor.position())));
    }
  }

  @Test
  void everyNameInTheHomelabLeadsWhereTheGoldenFileSays() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    String text = Files.readString(file);
    List<String> lines = text.lines().toList();
    StringBuilder out = new StringBuilder();
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      Matcher word = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_-]*").matcher("");
      for (int line = 0; line < lines.size(); line++) {
        word.reset(lines.get(line));
        while (word.find()) {
          List<Location> found = definition(lsp, uri, new Position(line, word.start()));
          if (!found.isEmpty()) {
            out.append(line + 1).append(':').append(word.start() + 1).append(' ').append(word.group())
                .append(" -> ").append(String.join(", ", shown(lsp, found))).append('\n');
          }
        }
      }
    }
    Goldens.check("navigation/homelab-definitions.golden", out.toString());
  }

  static List<Location> definition(LspHarness lsp, String uri, Position position) {
    return LspHarness.get(lsp.server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), position)))
        .getLeft().stream().map(Location.class::cast).toList();
  }

  private List<String> shown(LspHarness lsp, List<? extends Location> locations) {
    Path root = dir.resolve("homelab").toFile().isDirectory() ? dir.resolve("homelab") : dir;
    List<String> out = new ArrayList<>();
    locations.forEach(l -> out.add(NavigationFixtures.show(root, l)));
    return out;
  }
}
