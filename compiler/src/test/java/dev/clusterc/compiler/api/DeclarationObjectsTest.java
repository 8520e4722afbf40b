package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Emitting declarations one at a time, as a hover does, gives exactly the objects a whole compile
 * gives: over every example that compiles, the objects of all declarations together are the
 * compile's, each once.
 */
class DeclarationObjectsTest {
  static Stream<Path> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(Repo.root().resolve("examples"))) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void oneDeclarationAtATimeAddsUpToTheWholeCompile(Path example) throws IOException {
    Program program = Frontend.check(example, new Workspace(Repo.root()));
    assertTrue(!program.hasErrors() && program.cluster().isPresent(), example + " compiles");
    List<String> whole = new ArrayList<>();
    for (Unit unit : ManifestCompiler.compile(program, ChartRenderer.OFFLINE).units()) {
      unit.objects().forEach(o -> whole.add(ObjectRef.of(o).toString()));
    }
    DeclarationObjects objects = DeclarationObjects.of(program).orElseThrow();
    List<String> pieces = new ArrayList<>();
    for (Decl decl : program.decls()) {
      objects.of(decl).forEach(o -> pieces.add(o.toString()));
      assertEquals(objects.of(decl), objects.of(decl), "asked twice, " + decl + " answers the same");
    }
    assertTrue(whole.size() > 0, example.toString());
    whole.sort(null);
    pieces.sort(null);
    assertEquals(whole, pieces, example.toString());
  }
}
