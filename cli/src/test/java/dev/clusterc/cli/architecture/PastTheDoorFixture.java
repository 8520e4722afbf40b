package dev.clusterc.cli.architecture;

import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import dev.clusterc.compiler.syntax.Parser;

/**
 * A test-only class that reaches past the compiler's door on purpose (the parser, and the internal
 * driver behind the door), so that
 * {@link CompilerDoorTest} can show its rule fails on such an import. The rule's real run imports
 * the CLI's main classes only.
 */
final class PastTheDoorFixture {
  private PastTheDoorFixture() {}

  static boolean parses(String text) {
    return !Parser.parse(new SourceFile("fixture.cluster", text)).hasErrors();
  }

  static boolean checks(String text) {
    var unit = Parser.parse(new SourceFile("fixture.cluster", text));
    return !Frontend.analyze(List.of(unit), new ArrayList<>(unit.diagnostics())).hasErrors();
  }
}
