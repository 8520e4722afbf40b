package dev.clusterc.compiler.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.HumanRenderer;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of {@code check}: each directory under {@code check/} is a cluster whose rendered
 * diagnostics must equal its {@code expected.err}. A directory named after a code (or
 * {@code CODE--variant}) must report that code; {@code clean--…} must report nothing.
 */
class CheckGoldenTest {
  private static final Path CASES = Repo.root().resolve("compiler/src/test/resources/check");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    return directories(CASES).map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Program program = Frontend.check(dir, new Workspace(CASES));
      String rendered = new HumanRenderer(false).render(program.diagnostics());
      Golden.assertMatches(dir.resolve("expected.err"), rendered);
      String name = dir.getFileName().toString();
      if (name.startsWith("clean--")) {
        assertEquals(List.of(), program.diagnostics(), "a clean case reports nothing");
      } else {
        String code = name.contains("--") ? name.substring(0, name.indexOf("--")) : name;
        assertTrue(program.diagnostics().stream().anyMatch(d -> d.code().id().equals(code)),
            name + " must report " + code + ", reported:\n" + rendered);
      }
    }));
  }

  /** Codes only {@code compile} reports (rendering a chart, which {@code check} never does): PlainChartRenderingTest has their cases. */
  private static final java.util.Set<Code> COMPILE_ONLY = java.util.EnumSet.of(Code.CHART_UNAVAILABLE, Code.CHART_RENDER);

  @Test
  void everyCodeHasAFailingCase() throws IOException {
    List<String> names = directories(CASES).map(d -> d.getFileName().toString()).toList();
    for (Code code : Code.values()) {
      if (COMPILE_ONLY.contains(code)) {
        continue;
      }
      assertTrue(names.stream().anyMatch(n -> n.equals(code.id()) || n.startsWith(code.id() + "--")),
          "no failing case for " + code.id() + " under " + CASES);
    }
  }

  /**
   * Examples check clean, except those with an {@code expected.err}: the seed kept with its real
   * flaw, and the brief's homelab as written, whose sonarr reads a database of another namespace.
   */
  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    Path root = Repo.root();
    return directories(root.resolve("examples")).map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Program program = Frontend.check(dir, new Workspace(root));
      Path expected = dir.resolve("expected.err");
      if (Files.exists(expected)) {
        Golden.assertMatches(expected, new HumanRenderer(false).render(program.diagnostics()));
      } else {
        assertEquals("", new HumanRenderer(false).render(program.diagnostics()), dir + " must check clean");
      }
    }));
  }

  @Test
  void severitiesOfTheBriefAreKept() {
    assertFalse(Arrays.stream(Code.values()).map(Code::id).anyMatch(String::isBlank));
    List<String> ours = List.of("cross-namespace-database", "mount-conflict", "api-server-unknown", "backup-via",
        "unused-allow", "backup-credentials", "chart-unavailable", "chart-render", "unread-secret",
        "undecrypted-secret");
    assertEquals(38 + ours.size(), Code.values().length, "the brief lists 38 codes; these are ours: " + ours);
    assertTrue(Arrays.stream(Code.values()).map(Code::id).toList().containsAll(ours));
  }

  static Stream<Path> directories(Path parent) throws IOException {
    if (!Files.isDirectory(parent)) {
      return Stream.empty();
    }
    try (Stream<Path> list = Files.list(parent)) {
      return list.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  static String codes(List<Diagnostic> diagnostics) {
    return String.join(",", diagnostics.stream().map(d -> d.code().id()).toList());
  }
}
