package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.files.SecretFile;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Emitting declarations one at a time, as a hover does, gives exactly the objects a whole compile
 * gives: over every example that compiles, the objects of all declarations together are the
 * compile's, each once — the units' objects, the secret files they include as they are, and the
 * Flux Kustomization or Argo CD Application of each declaration's unit (the barriers of the ladder
 * and the runtime's unit belong to no declaration).
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
    Compilation compilation = ManifestCompiler.compile(program, ChartRenderer.OFFLINE);
    Set<String> declared = new HashSet<>();
    for (Unit unit : compilation.units()) {
      unit.objects().forEach(o -> whole.add(ObjectRef.of(o).toString()));
      unit.includes().keySet().forEach(include -> whole.add(included(program, include)));
      if (unit.decl() != null) {
        declared.add(unit.name());
      }
    }
    compilation.flux().stream().filter(o -> !o.kind().equals("Kustomization") || declared.contains(o.name()))
        .forEach(o -> whole.add(ObjectRef.of(o).toString()));
    if (compilation.argocd() != null) {
      whole.add(ObjectRef.of(compilation.argocd().root()).toString());
      compilation.argocd().apps().stream().filter(o -> o.kind().equals("Application") && declared.contains(o.name()))
          .forEach(o -> whole.add(ObjectRef.of(o).toString()));
    }
    DeclarationObjects objects = DeclarationObjects.of(program).orElseThrow();
    List<String> pieces = new ArrayList<>();
    for (Decl decl : program.decls()) {
      objects.of(decl).orElseThrow().forEach(o -> pieces.add(o.toString()));
      assertEquals(objects.of(decl), objects.of(decl), "asked twice, " + decl + " answers the same");
    }
    assertTrue(whole.size() > 0, example.toString());
    whole.sort(null);
    pieces.sort(null);
    assertEquals(whole, pieces, example.toString());
  }

  /**
   * The cluster's objects come from a whole compile, which must not hold the lock the other
   * declarations' answers take: asked while that lock is held elsewhere, they still come.
   */
  @Test
  void theClustersWholeCompileDoesNotTakeTheDeclarationsLock() throws Exception {
    Path homelab = Repo.root().resolve("examples/homelab");
    Program program = Frontend.check(homelab, new Workspace(Repo.root()));
    DeclarationObjects objects = DeclarationObjects.of(program).orElseThrow();
    Decl cluster = program.cluster().orElseThrow();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<Optional<List<ObjectRef>>> asked;
      synchronized (objects) {
        asked = executor.submit(() -> objects.of(cluster));
        assertTrue(asked.get(2, TimeUnit.MINUTES).orElseThrow().stream().anyMatch(o -> o.kind().equals("Namespace")));
      }
    } finally {
      executor.shutdownNow();
    }
  }

  /** {@code Kind namespace/name} of a file included as it is, its namespace from its directory or from the file. */
  private static String included(Program program, String include) {
    String file = include.substring(include.indexOf('/') + 1);
    boolean sops = file.endsWith(".sops.yaml");
    String name = file.substring(0, file.indexOf('.'));
    String namespace = include.contains("/") ? include.substring(0, include.indexOf('/'))
        : program.decls(Kind.SECRET).stream().filter(d -> d.name().equals(name)).findFirst()
            .flatMap(d -> program.files().secret(d)).map(SecretFile::namespace).orElse(null);
    return (sops ? "Secret " : "SealedSecret ") + (namespace == null ? "" : namespace + "/") + name;
  }
}
