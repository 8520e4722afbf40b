package dev.clusterc.lsp.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.api.Completion;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path completion's bounds: one directory, a limited count, hidden files on request, no climbing far. */
class FilePathsTest {
  @TempDir
  Path dir;

  private List<String> labels(String entry, String typed) {
    String text = "x \"" + typed;
    SourceFile file = new SourceFile("deep/a/b/c/d/e/main.cluster", text);
    var path = new Completion.FilePath(new SourceSpan(file, 3, text.length()), entry);
    Completions.Items items = new Completions.Items(new Range(new Position(0, 3), new Position(0, text.length())), false);
    FilePaths.complete(dir, "deep/a/b/c/d/e/main.cluster", path, items, () -> {});
    return items.list.stream().map(CompletionItem::getLabel).toList();
  }

  @Test
  void atMostTheLimitIsListed() throws IOException {
    Path here = Files.createDirectories(dir.resolve("deep/a/b/c/d/e/many"));
    for (int i = 0; i < FilePaths.LIMIT + 50; i++) {
      Files.writeString(here.resolve(String.format("f%03d.yaml", i)), "");
    }
    assertEquals(FilePaths.LIMIT, labels("sops", "many/").size());
    assertEquals("f000.yaml", labels("sops", "many/").get(0));
  }

  @Test
  void hiddenFilesOnlyOnceADotIsTypedAndOnlyTheFilesTheEntryReads() throws IOException {
    Path here = Files.createDirectories(dir.resolve("deep/a/b/c/d/e"));
    Files.writeString(here.resolve(".hidden.cluster"), "");
    Files.writeString(here.resolve("other.cluster"), "");
    Files.writeString(here.resolve("values.yaml"), "");
    Files.writeString(here.resolve("main.cluster"), "");
    assertEquals(List.of("other.cluster"), labels("import", ""));
    assertEquals(List.of(".hidden.cluster", "other.cluster"), labels("import", "."));
    assertEquals(List.of("values.yaml"), labels("manifests", ""));
  }

  @Test
  void aPathClimbsAFewLevelsAtMostAndNeverFromTheRoot() throws IOException {
    Files.createDirectories(dir.resolve("deep/a/b/c/d/e"));
    Files.writeString(dir.resolve("deep/a/top.cluster"), "");
    Files.writeString(dir.resolve("deep/far.cluster"), "");
    assertEquals(List.of("b/", "top.cluster"), labels("import", "../../../../"));
    assertEquals(List.of(), labels("import", "../../../../../"), "five levels up is too far");
    assertEquals(List.of(), labels("import", "/etc/"));
  }
}
