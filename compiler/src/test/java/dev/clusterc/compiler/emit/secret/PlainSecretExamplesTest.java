package dev.clusterc.compiler.emit.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.HumanRenderer;
import dev.clusterc.compiler.diag.JsonRenderer;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.Examples;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.files.PlainSecret;
import dev.clusterc.compiler.program.GraphRenderer;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The values of an example's {@code env-file} secrets are written where the user applies them — the
 * plain {@code Secret} objects of the compiled tree — and nowhere else: not in another object of the
 * checked-in tree ({@code expected/}), not in the graph, the diagnostics or the next steps. The example
 * of seed 004's local context has such secrets, so the test has something to look for.
 */
class PlainSecretExamplesTest {
  /** Values this short could occur anywhere by chance (a port, {@code true}); the examples' values are longer. */
  private static final int SHORTEST = 6;

  private static final String MARK = "clusterc.dev/plaintext: ";

  @Test
  void envFileValuesAppearOnlyInThePlainSecretsOfTheCompiledTree() throws IOException {
    List<Path> examples = Examples.compilable();
    int checked = 0;
    for (Path example : examples) {
      Program program = Examples.program(example);
      List<String> values = values(program);
      if (values.isEmpty()) {
        continue;
      }
      checked++;
      Compilation compilation = ManifestCompiler.compile(program);
      String elsewhere = GraphRenderer.mermaid(program) + GraphRenderer.dot(program)
          + new HumanRenderer(false).render(program.diagnostics()) + JsonRenderer.render(program.diagnostics())
          + compilation.nextSteps(false);
      List<String> secretFiles = new ArrayList<>();
      try (Stream<Path> files = Files.walk(example.resolve("expected"))) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String text = Files.readString(file);
          boolean plainSecret = text.contains("\nkind: Secret\n") && text.contains(MARK);
          if (plainSecret) {
            secretFiles.add(example.relativize(file).toString());
          }
          for (String value : values) {
            assertTrue(plainSecret || !text.contains(value), example.relativize(file) + " holds an env-file value");
          }
        }
      }
      for (String value : values) {
        assertFalse(elsewhere.contains(value), example.getFileName() + ": an env-file value in the graph, diagnostics or steps");
      }
      assertFalse(secretFiles.isEmpty(), example + " reads env-file secrets but its tree has no plain Secret");
      for (String file : secretFiles) {
        String text = Files.readString(example.resolve(file));
        assertTrue(values.stream().anyMatch(text::contains), file + " is marked plain but holds no env-file value");
      }
    }
    assertTrue(checked >= 1, "no example has an env-file secret: " + examples);
    assertTrue(Files.isDirectory(Repo.root().resolve("examples/ddd-homelab-local/expected")));
  }

  @Test
  void theLocalContextsFileHasOneSecretPerNamespaceThatReadsIt() throws IOException {
    Path example = Repo.root().resolve("examples/ddd-homelab-local/expected");
    List<String> secrets;
    try (Stream<Path> files = Files.walk(example)) {
      secrets = files.filter(f -> f.getFileName().toString().startsWith("secret-"))
          .map(f -> example.relativize(f).toString()).sorted().toList();
    }
    assertEquals(List.of("apps/heatpump-mqtt/secret-mqtt-credentials.yaml", "apps/mqtt-input/secret-mqtt-credentials.yaml"), secrets);
  }

  /** Every value, long enough to be told apart, of every env-file secret of the program. */
  private static List<String> values(Program program) {
    List<String> values = new ArrayList<>();
    for (Decl decl : program.decls()) {
      program.files().plain(decl).map(PlainSecret::values).ifPresent(map -> map.values().stream()
          .filter(v -> v.length() >= SHORTEST).forEach(values::add));
    }
    return values;
  }
}
