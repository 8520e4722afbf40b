package dev.clusterc.cli.architecture;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;

/**
 * A test-only class that reaches past the compiler's door on purpose (the parser), so that
 * {@link CompilerDoorTest} can show its rule fails on such an import. The rule's real run imports
 * the CLI's main classes only.
 */
final class PastTheDoorFixture {
  private PastTheDoorFixture() {}

  static boolean parses(String text) {
    return !Parser.parse(new SourceFile("fixture.cluster", text)).hasErrors();
  }
}
