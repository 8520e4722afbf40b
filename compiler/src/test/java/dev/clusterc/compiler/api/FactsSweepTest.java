package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hover queries at every position of the homelab example, whole and cut short at many places
 * (so with every kind of broken declaration): facts for every symbol a position names, entry docs
 * and objects, without throwing; a symbol of the analysis always has facts.
 */
class FactsSweepTest {

  @Test
  void everyCutOfTheExampleAnswersEveryHoverQuery() throws IOException {
    String text = Files.readString(Repo.root().resolve("examples/homelab/cluster.cluster"));
    int facts = 0;
    for (int cut = text.length(); cut > 0; cut -= 61) {
      SourceUnit unit = Parser.parse(new SourceFile("cut.cluster", text.substring(0, cut)));
      Program program = Frontend.analyze(List.of(unit), new ArrayList<Diagnostic>(unit.diagnostics()));
      Analysis analysis = new Analysis(program);
      Navigator navigator = analysis.navigator();
      SourceFile file = unit.file();
      for (int line = 1; line <= file.lineCount(); line++) {
        for (int column = 1; column <= file.lineText(line).length() + 1; column += 4) {
          Position at = new Position(line, column);
          List<Symbol> symbols = new ArrayList<>(navigator.definition("cut.cluster", at));
          navigator.declarationAt("cut.cluster", at).ifPresent(symbols::add);
          for (Symbol symbol : symbols) {
            Optional<DeclarationFacts> found = navigator.facts(symbol);
            assertTrue(found.isPresent(), symbol + " at " + at);
            assertEquals(symbol.name(), found.get().name());
            analysis.objects(symbol);
            facts++;
          }
          navigator.entryDoc("cut.cluster", at);
        }
      }
    }
    assertTrue(facts > 1000, "the sweep met symbols: " + facts);
  }
}
