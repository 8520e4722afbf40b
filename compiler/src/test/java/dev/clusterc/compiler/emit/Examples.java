package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.program.Frontend;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.program.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example clusters that compile: every example without an {@code expected.err}. */
final class Examples {
  private Examples() {}

  static List<Path> compilable() {
    try (Stream<Path> list = Files.list(Repo.root().resolve("examples"))) {
      return list.filter(Files::isDirectory).filter(d -> !Files.exists(d.resolve("expected.err"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Program program(Path example) throws IOException {
    Program program = Frontend.check(example, new Workspace(Repo.root()));
    if (program.hasErrors()) {
      throw new AssertionError(example + " has errors: " + program.diagnostics());
    }
    return program;
  }

  static Compilation compile(Path example) throws IOException {
    return ManifestCompiler.compile(program(example), Repo.root());
  }
}
