package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterc.compiler.api.ClusterCompiler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ChangeAnnotation;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceEditChangeAnnotationSupportCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rename through the protocol: the edit covers every file, and after an editor applied it the
 * cluster checks as before (the same diagnostics with the new name for the old); a rename that
 * would collide, is no name, or would touch the standard library is refused with the reason.
 */
class RenamesTest {
  @TempDir
  Path dir;

  @Test
  void prepareGivesTheNameAndItsRangeEvenFromAReference() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    String text = Files.readString(file);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      PrepareRenameResult declared = prepare(lsp, uri, at(text, "volume sonarr-con|fig"));
      assertEquals("sonarr-config", declared.getPlaceholder());
      assertEquals("98:8-98:21", NavigationFixtures.show(declared.getRange()));
      PrepareRenameResult parameter = prepare(lsp, uri, at(text, "$po|rt"));
      assertEquals("port", parameter.getPlaceholder());
      assertEquals("93:19-93:23", NavigationFixtures.show(parameter.getRange()), "the name, without the `$`");
    }
  }

  @Test
  void aRenameAcrossTwoFilesLeavesAClusterThatChecksAsBefore() throws IOException {
    var cursor = LspHarness.Cursor.of(DefinitionsTest.CLUSTER.replace("volume data", "volume da|ta"));
    Path a = NavigationFixtures.write(dir, "a.cluster", cursor.text());
    NavigationFixtures.write(dir, "b.cluster", """
        app web { image "nginx:1.27"; mount data at "/data" }
        app api { image "api:1"; mount data at "/d"; depends-on [web, data] }
        app lost { image "api:1"; mount nowhere at "/n" }
        """);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(a);
      WorkspaceEdit edit = rename(lsp, uri, cursor.position(), "shared-data");
      assertNull(edit.getDocumentChanges(), "this editor did not say it takes versioned changes");
      assertEquals(List.of("a.cluster", "b.cluster"), edit.getChanges().keySet().stream().map(u -> NavigationFixtures.name(dir, Path.of(URI.create(u)))).sorted().toList());
      assertEquals(3, edit.getChanges().get(LspHarness.uri(dir.resolve("b.cluster"))).size());
      assertChecksAsBefore(dir, edit.getChanges(), "data", "shared-data");
    }
  }

  @Test
  void anEditorThatTakesVersionedChangesGetsTheVersionsOfItsOpenDocuments() throws IOException {
    var cursor = LspHarness.Cursor.of(DefinitionsTest.CLUSTER.replace("volume data", "volume da|ta"));
    Path a = NavigationFixtures.write(dir, "a.cluster", cursor.text());
    Path b = NavigationFixtures.write(dir, "b.cluster", "app web { image \"nginx:1.27\"; mount data at \"/data\" }\n");
    ClientCapabilities capabilities = new ClientCapabilities();
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
    edits.setDocumentChanges(true);
    workspace.setWorkspaceEdit(edits);
    capabilities.setWorkspace(workspace);
    try (LspHarness lsp = LspHarness.start(capabilities)) {
      String aUri = lsp.open(a);
      String bUri = lsp.open(b);
      lsp.edit(bUri, new Range(new Position(0, 0), new Position(0, 0)), "# the web server\n");
      WorkspaceEdit edit = rename(lsp, aUri, cursor.position(), "web-data");
      assertTrue(edit.getChanges() == null || edit.getChanges().isEmpty(), "versioned changes only");
      Map<String, TextDocumentEdit> byUri = new LinkedHashMap<>();
      edit.getDocumentChanges().forEach(c -> byUri.put(c.getLeft().getTextDocument().getUri(), c.getLeft()));
      assertEquals(1, byUri.get(aUri).getTextDocument().getVersion());
      assertEquals(2, byUri.get(bUri).getTextDocument().getVersion(), "the version after the edit, which the rename saw");
      TextEdit inB = byUri.get(bUri).getEdits().get(0).getLeft();
      assertEquals("2:37-2:41", NavigationFixtures.show(inB.getRange()), "a place in the edited text, one line down");
    }
  }

  @Test
  void aTemplateParameterAndABackupOfTheHomelabAreRenamedAndItChecksAsBefore() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    String text = Files.readString(file);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      WorkspaceEdit parameter = rename(lsp, uri, at(text, "from media-app(po|rt: 8989)"), "listen");
      assertEquals(4, parameter.getChanges().get(uri).size());
      assertChecksAsBefore(file.getParent(), parameter.getChanges(), "port", "listen");
      WorkspaceEdit backup = rename(lsp, uri, at(text, "backup night|ly {"), "daily");
      assertEquals(4, backup.getChanges().get(uri).size());
      assertChecksAsBefore(file.getParent(), backup.getChanges(), "nightly", "daily");
    }
  }

  @Test
  void aRenameThatReplacesLiveObjectsAsksTheEditorFirstWhenItTakesChangeAnnotations() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    String text = Files.readString(file);
    try (LspHarness lsp = LspHarness.start(capabilities(true))) {
      String uri = lsp.open(file);
      WorkspaceEdit volume = rename(lsp, uri, at(text, "volume sonarr-con|fig"), "sonarr-cfg");
      assertTrue(volume.getChanges() == null || volume.getChanges().isEmpty(), "versioned changes only");
      ChangeAnnotation annotation = volume.getChangeAnnotations().get("clusterc.rename.replaces");
      assertEquals("PersistentVolumeClaim media/sonarr-config is replaced by media/sonarr-cfg: its data is not moved", annotation.getLabel());
      assertEquals(Boolean.TRUE, annotation.getNeedsConfirmation());
      assertEquals("renaming volume sonarr-config replaces objects in the running cluster", annotation.getDescription());
      int edits = volume.getDocumentChanges().get(0).getLeft().getEdits().size();
      assertEquals(2, edits, "the declaration and the mount");
      assertEquals(edits, occurrences(lsp.wire(), "\"annotationId\":\"clusterc.rename.replaces\""),
          "every edit of the rename carries the annotation on the wire");
      WorkspaceEdit backup = rename(lsp, uri, at(text, "backup night|ly {"), "daily");
      assertNull(backup.getChangeAnnotations(), "a backup policy's new name replaces nothing that holds data");
    }
    try (LspHarness lsp = LspHarness.start(capabilities(false))) {
      String uri = lsp.open(file);
      WorkspaceEdit volume = rename(lsp, uri, at(text, "volume sonarr-con|fig"), "sonarr-cfg");
      assertNull(volume.getChangeAnnotations(), "an editor that did not say it takes annotations gets plain edits");
      assertEquals(2, volume.getDocumentChanges().get(0).getLeft().getEdits().size());
      assertEquals(0, occurrences(lsp.wire(), "annotationId"));
    }
  }

  @Test
  void aNodeAndAnAppThatWouldLeaveItsVolumeBehindAreRefusedWithTheReason() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    String text = Files.readString(file) + """

        volume web-data { size 1Gi; backup nightly; namespace web }
        app web {
          image "nginx:1"
          port http 80
          mount web-data at "/data"
        }
        """;
    Files.writeString(file, text);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      var documents = lsp.server.getTextDocumentService();
      assertEquals("app web lives in the namespace of its name, and volume web-data writes `namespace web`: as `web2`, app web would "
              + "move to namespace web2 and leave volume web-data behind; give app web `namespace web` first",
          refusal(documents.rename(new RenameParams(new TextDocumentIdentifier(uri), at(text, "app w|eb {"), "web2"))));
      assertTrue(refusal(documents.rename(new RenameParams(new TextDocumentIdentifier(uri), at(text, "node work|er2"), "worker9")))
          .contains("the node's name is the machine's hostname"));
    }
  }

  private static ClientCapabilities capabilities(boolean annotations) {
    ClientCapabilities capabilities = new ClientCapabilities();
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
    edits.setDocumentChanges(true);
    if (annotations) {
      edits.setChangeAnnotationSupport(new WorkspaceEditChangeAnnotationSupportCapabilities());
    }
    workspace.setWorkspaceEdit(edits);
    capabilities.setWorkspace(workspace);
    return capabilities;
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void collisionsKeywordsTheStandardLibraryAndInvalidNamesAreRefusedWithTheReason() throws IOException {
    Path file = NavigationFixtures.copyHomelab(dir);
    String text = Files.readString(file);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      var documents = lsp.server.getTextDocumentService();
      Position volume = at(text, "volume sonarr-con|fig");
      assertEquals("there is already a volume named `radarr-config` (cluster.cluster:99:8); names are unique per kind",
          refusal(documents.rename(new RenameParams(new TextDocumentIdentifier(uri), volume, "radarr-config"))));
      assertEquals("`Sonarr Config` is not a name: a name starts with a letter or `_` and goes on with letters, digits, `_` and `-`",
          refusal(documents.rename(new RenameParams(new TextDocumentIdentifier(uri), volume, "Sonarr Config"))));
      assertEquals("`Sonarr_Config` cannot name a volume: it is not a valid Kubernetes name (it has upper-case letters); try `sonarr-config`",
          refusal(documents.rename(new RenameParams(new TextDocumentIdentifier(uri), volume, "Sonarr_Config"))));
      assertEquals("`template` is a reserved word and cannot be a name",
          refusal(documents.rename(new RenameParams(new TextDocumentIdentifier(uri), volume, "template"))));

      Position keyword = at(text, "vol|ume sonarr-config");
      String keywordReason = "`volume` is a keyword, not a name: only the names of declarations, templates and template parameters can be renamed";
      assertEquals(keywordReason, refusal(documents.prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(uri), keyword))));
      assertEquals(keywordReason, refusal(documents.rename(new RenameParams(new TextDocumentIdentifier(uri), keyword, "disk"))));

      Position library = at(text, "use cil|ium");
      String libraryReason = "`cilium` is declared in the standard library (std/cilium.cluster), which a rename cannot change";
      assertEquals(libraryReason, refusal(documents.prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(uri), library))));
      assertEquals(libraryReason, refusal(documents.rename(new RenameParams(new TextDocumentIdentifier(uri), library, "cni"))));

      assertTrue(refusal(documents.prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(uri), at(text, "class    cil|ium"))))
          .contains("names a capability"));
      assertTrue(lsp.serverLog().isBlank() || !lsp.serverLog().contains("failed"), "a refusal is not a crash: " + lsp.serverLog());
    }
  }

  /** Applies the edits to copies of the files and analyses them: the same diagnostics, with the old name for the new. */
  static void assertChecksAsBefore(Path root, Map<String, List<TextEdit>> changes, String oldName, String newName) throws IOException {
    Path copy = Files.createTempDirectory(root.getParent(), "renamed");
    try (var files = Files.walk(root)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        Path target = copy.resolve(root.relativize(source));
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
      }
    }
    for (var change : changes.entrySet()) {
      Path target = copy.resolve(root.relativize(Path.of(URI.create(change.getKey()))));
      String edited = NavigationFixtures.apply(Files.readString(target), change.getValue());
      assertTrue(edited.contains(newName));
      Files.writeString(target, edited);
    }
    assertEquals(checked(root, null, null), checked(copy, newName, oldName));
  }

  private static List<String> checked(Path root, String from, String to) {
    return ClusterCompiler.open(root, root).analyse().diagnostics().stream()
        .map(d -> d.code().id() + " " + d.span().file().path() + ":" + d.span().begin().line() + " " + d.message())
        .map(s -> from == null ? s : s.replace(from, to)).toList();
  }

  /** The position of the {@code |} in {@code marked}, found in {@code text} (its first occurrence without the marker). */
  static Position at(String text, String marked) {
    int found = text.indexOf(marked.replace("|", ""));
    if (found < 0) {
      throw new IllegalArgumentException("not in the text: " + marked);
    }
    return LspHarness.Cursor.of(text.substring(0, found) + marked + text.substring(found + marked.length() - 1)).position();
  }

  private static PrepareRenameResult prepare(LspHarness lsp, String uri, Position position) {
    return LspHarness.get(lsp.server.getTextDocumentService().prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(uri), position)))
        .getSecond();
  }

  private static WorkspaceEdit rename(LspHarness lsp, String uri, Position position, String newName) {
    return LspHarness.get(lsp.server.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri), position, newName)));
  }

  /** The message of the error a request was answered with; fails when it was answered. */
  static String refusal(CompletableFuture<?> request) {
    try {
      Object answer = request.get(LspHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS);
      return fail("expected a refusal, got " + answer);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ResponseErrorException error) {
        assertEquals(ResponseErrorCode.RequestFailed.getValue(), error.getResponseError().getCode());
        return error.getResponseError().getMessage();
      }
      throw new AssertionError("the request failed otherwise than refused", e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
