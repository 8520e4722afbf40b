package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example clusters that compile: every example that checks without errors (all but the seed kept with its flaw). */
public final class Examples {
  private Examples() {}

  public static List<Path> compilable() {
    try (Stream<Path> list = Files.list(Repo.root().resolve("examples"))) {
      return list.filter(Files::isDirectory).filter(Examples::checks).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean checks(Path example) {
    try {
      return !Frontend.check(example, new Workspace(Repo.root())).hasErrors();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Program program(Path example) throws IOException {
    Program program = Frontend.check(example, new Workspace(Repo.root()));
    if (program.hasErrors()) {
      throw new AssertionError(example + " has errors: " + program.diagnostics());
    }
    return program;
  }

  public static Compilation compile(Path example) throws IOException {
    return ManifestCompiler.compile(program(example));
  }
}
