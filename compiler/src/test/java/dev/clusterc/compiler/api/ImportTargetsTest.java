package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.source.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documents an import names, as the loader found them on disk: through a symbolic link to a
 * directory, by an absolute path, and never the importing file itself.
 */
class ImportTargetsTest {
  @TempDir
  Path dir;

  private List<String> imported(Path root, String importLine) throws IOException {
    Files.writeString(root.resolve("main.cluster"), importLine + "\n" + DefinitionTest.CLUSTER);
    Analysis analysis = ClusterCompiler.open(root, root).analyse();
    return analysis.navigator().imported("main.cluster", new Position(1, 3));
  }

  @Test
  void aDirectoryReachedThroughASymbolicLinkListsItsFiles() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(shared.resolve("a.cluster"), "volume a { size 1Gi; backup none }\n");
    Path root = Files.createDirectories(dir.resolve("cluster"));
    Files.createSymbolicLink(root.resolve("lib"), shared);
    assertEquals(List.of("lib/a.cluster"), imported(root, "import \"lib\""));
  }

  @Test
  void aDirectoryTheLoaderReachedFirstByItsRealPathIsFoundThroughTheLink() throws IOException {
    Path root = Files.createDirectories(dir.resolve("cluster"));
    Path shared = Files.createDirectories(root.resolve("shared"));
    Files.writeString(shared.resolve("a.cluster"), "volume a { size 1Gi; backup none }\n");
    Files.createSymbolicLink(root.resolve("lib"), shared);
    Files.writeString(root.resolve("first.cluster"), "import \"shared\"\n");
    assertEquals(List.of("shared/a.cluster"), imported(root, "import \"lib\""), "the file is named as the loader first reached it");
  }

  @Test
  void anAbsoluteImportListsItsFiles() throws IOException {
    Path root = Files.createDirectories(dir.resolve("cluster"));
    Path lib = Files.createDirectories(root.resolve("lib"));
    Files.writeString(lib.resolve("a.cluster"), "volume a { size 1Gi; backup none }\n");
    assertEquals(List.of("lib/a.cluster"), imported(root, "import \"" + lib.toAbsolutePath() + "\""));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("b.cluster"), "volume b { size 1Gi; backup none }\n");
    assertEquals(List.of(outside.resolve("b.cluster").toAbsolutePath().toString()),
        imported(root, "import \"" + outside.toAbsolutePath() + "\""));
  }

  @Test
  void importingItsOwnDirectoryDoesNotListTheImportingFile() throws IOException {
    Path root = Files.createDirectories(dir.resolve("cluster"));
    Files.writeString(root.resolve("other.cluster"), "volume o { size 1Gi; backup none }\n");
    assertEquals(List.of("other.cluster"), imported(root, "import \".\""));
  }
}
