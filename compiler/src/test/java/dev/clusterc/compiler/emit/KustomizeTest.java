package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every unit of every example, and each flux directory, builds with the real {@code kubectl kustomize}. */
class KustomizeTest {
  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicTest> everyUnitBuilds() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path example : Examples.compilable()) {
      Compilation compilation = Examples.compile(example);
      Path tree = temp.resolve(compilation.name());
      GitOpsLayout.write(compilation, tree);
      List<Path> dirs = new ArrayList<>();
      for (Unit unit : compilation.units()) {
        dirs.add(tree.resolve(unit.layer()).resolve(unit.name()));
      }
      if (!compilation.flux().isEmpty()) {
        dirs.add(tree.resolve("flux"));
      }
      for (Path dir : dirs) {
        tests.add(DynamicTest.dynamicTest(tree.relativize(dir).toString() + " of " + compilation.name(), () -> build(dir)));
      }
    }
    return tests.stream();
  }

  private static void build(Path dir) throws Exception {
    Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "kubectl kustomize finishes");
    assertEquals(0, process.exitValue(), output);
    long documents = Files.readString(dir.resolve("kustomization.yaml")).lines().filter(l -> l.startsWith("  - ")).count();
    assertTrue(output.contains("apiVersion:") || documents == 0, output);
  }
}
