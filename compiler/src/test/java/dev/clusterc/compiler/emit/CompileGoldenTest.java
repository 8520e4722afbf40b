package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.layout.GitOpsLayout;
import dev.clusterc.compiler.layout.OutputDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example's compiled GitOps tree is checked in under {@code examples/NAME/expected/} and must
 * match byte for byte; {@code -Dclusterc.update=true} rewrites it.
 */
class CompileGoldenTest {
  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicTest> examples() {
    return Examples.compilable().stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
      Compilation compilation = Examples.compile(example);
      Path written = temp.resolve(example.getFileName().toString());
      GitOpsLayout.write(compilation, written);
      Path expected = example.resolve("expected");
      if (Repo.updateGoldens()) {
        OutputDirectory.delete(expected);
        copyTree(written, expected);
        return;
      }
      assertTrue(Files.isDirectory(expected), "no " + expected + ": run the tests with -Dclusterc.update=true");
      assertEquals(files(expected), files(written), "the files of " + expected);
      for (String file : files(expected)) {
        assertEquals(Files.readString(expected.resolve(file)), Files.readString(written.resolve(file)), file);
      }
    }));
  }

  static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    for (String file : files(from)) {
      Path target = to.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(from.resolve(file), target);
    }
  }
}
