package dev.clusterc.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run of stray characters is one syntax error spanning the run, and parses in linear time (ANTLR
 * looked ahead across the whole run at each character: quadratic).
 */
class StrayRunsTest {
  private static final int RUN = 50_000;

  @ParameterizedTest
  @ValueSource(strings = {"node a { address 10.0.0.1 %s }\n", "node a { labels [%s] }\n", "node a { labels { a: %s } }\n"})
  void aLongRunOfStrayCharactersIsOneError(String shape) {
    for (String stray : List.of("\0", "§ ", "$")) {
      String run = stray.repeat(RUN).strip();
      String text = shape.replace("%s", run);
      SourceUnit unit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Parser.parse(new SourceFile("t.cluster", text)));
      List<Diagnostic> errors = unit.diagnostics();
      assertEquals(1, errors.size(), () -> errors.subList(0, Math.min(3, errors.size())).toString());
      int start = text.indexOf(run);
      assertEquals(start, errors.get(0).span().start());
      assertEquals(start + run.length(), errors.get(0).span().end());
    }
  }
}
