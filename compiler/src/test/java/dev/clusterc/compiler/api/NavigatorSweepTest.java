package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every query at every position of real examples (every column of homelab, every third of the larger ones), whole and cut short, answers without throwing,
 * and every span it returns lies inside its file; a definition's selection is the name it declares.
 */
class NavigatorSweepTest {

  @ParameterizedTest
  @CsvSource({"homelab, 1", "ddd-homelab, 3", "failover-pair, 3"})
  void everyPositionOfAnExample(String example, int step) throws IOException {
    Path root = Repo.root().resolve("examples").resolve(example);
    Program program = Frontend.check(root, new Workspace(root));
    Navigator navigator = new Navigator(program);
    int definitions = 0;
    for (SourceUnit unit : program.units()) {
      definitions += sweep(navigator, unit.file(), step);
    }
    assertTrue(definitions > 50, "the sweep met references: " + definitions);
  }

  @Test
  void everyCutOfAnExampleStillAnswers() throws IOException {
    String text = Files.readString(Repo.root().resolve("examples/homelab/cluster.cluster"));
    for (int cut = 0; cut < text.length(); cut += 89) {
      SourceUnit unit = Parser.parse(new SourceFile("cut.cluster", text.substring(0, cut)));
      Program program = Frontend.analyze(List.of(unit), new ArrayList<Diagnostic>(unit.diagnostics()));
      sweep(new Navigator(program), unit.file(), 3);
    }
  }

  @Test
  void positionsOutsideAndUnknownDocumentsAreEmpty() {
    Cursor cursor = Cursor.in(DefinitionTest.CLUSTER + "|");
    Navigator navigator = cursor.navigator;
    for (Position outside : List.of(new Position(0, 1), new Position(1, 0), new Position(1, 500), new Position(500, 1),
        new Position(-3, -3))) {
      assertTrue(navigator.nodeAt("test.cluster", outside).isEmpty(), outside.toString());
      assertTrue(navigator.definition("test.cluster", outside).isEmpty());
      assertTrue(navigator.references("test.cluster", outside, true).isEmpty());
      assertTrue(navigator.entryAt("test.cluster", outside).isEmpty());
      assertTrue(navigator.completion("test.cluster", outside) instanceof Completion.Nothing);
    }
    assertTrue(navigator.outline("elsewhere.cluster").isEmpty());
    assertTrue(navigator.declarationAt("elsewhere.cluster", new Position(1, 1)).isEmpty());
    assertFalse(navigator.outline("std/cilium.cluster").isEmpty());
    assertTrue(navigator.completion(null, null) instanceof Completion.Nothing);
  }

  /** Asks everything at every {@code step}-th column of every line (and one past its end); returns how many definitions were found. */
  private static int sweep(Navigator navigator, SourceFile file, int step) {
    String path = file.path();
    int definitions = 0;
    assertDoesNotThrow(() -> navigator.outline(path)).forEach(item -> inside(item.span(), item.selection()));
    for (int line = 1; line <= file.lineCount() + 1; line++) {
      int length = file.lineText(line).length();
      for (int column = 1; column <= length + 2; column += step) {
        Position at = new Position(line, column);
        String where = path + ":" + at;
        navigator.nodeAt(path, at).ifPresent(n -> inside(n.span()));
        navigator.declarationAt(path, at).ifPresent(s -> inside(s.span(), s.selection()));
        navigator.entryAt(path, at).ifPresent(e -> inside(e.span(), e.keySpan()));
        for (Symbol symbol : navigator.definition(path, at)) {
          inside(symbol.span(), symbol.selection());
          assertEquals(symbol.name(), symbol.selection().text(), where);
          definitions++;
        }
        navigator.references(path, at, true).forEach(NavigatorSweepTest::inside);
        Completion completion = navigator.completion(path, at);
        inside(completion.replace());
        navigator.expectedReference(path, at);
      }
    }
    return definitions;
  }

  private static void inside(SourceSpan... spans) {
    for (SourceSpan span : spans) {
      assertTrue(span.start() >= 0 && span.end() <= span.file().text().length() && span.start() <= span.end(), span.toString());
    }
  }
}
