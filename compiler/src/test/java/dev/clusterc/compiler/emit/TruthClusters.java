package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The clusters a truth test runs over: every example that compiles, every check case that checks
 * without errors ({@code compiler/src/test/resources/check}) and is deployed by a {@code gitops}
 * engine (one without has its charts rendered at compile time, from the network), and the inline
 * clusters a test adds for what no example shows.
 */
final class TruthClusters {
  private TruthClusters() {}

  /** A cluster by name, checked and compiled. */
  record Case(String name, Program program, Compilation compilation) {}

  static List<Case> all(Map<String, String> inline) {
    List<Case> cases = new ArrayList<>();
    try {
      for (Path example : Examples.compilable()) {
        Program program = Examples.program(example);
        cases.add(new Case("examples/" + example.getFileName(), program, ManifestCompiler.compile(program)));
      }
      Path checks = Repo.root().resolve("compiler/src/test/resources/check");
      try (Stream<Path> list = Files.list(checks)) {
        for (Path dir : list.filter(Files::isDirectory).sorted().toList()) {
          Program program = Frontend.check(dir, new Workspace(checks));
          if (!program.hasErrors() && Cluster.of(program.model()).map(Cluster::gitops).isPresent()) {
            cases.add(new Case("check/" + dir.getFileName(), program, ManifestCompiler.compile(program)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    inline.forEach((name, text) -> {
      Program program = CheckFixture.programWithSecretFiles(text);
      if (program.hasErrors()) {
        throw new AssertionError(name + " has errors: " + CheckFixture.render(program.diagnostics()));
      }
      cases.add(new Case("inline/" + name, program, ManifestCompiler.compile(program)));
    });
    return cases;
  }
}
