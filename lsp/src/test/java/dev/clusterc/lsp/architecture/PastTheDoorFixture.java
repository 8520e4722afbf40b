package dev.clusterc.lsp.architecture;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;

/** Breaks the door rule on purpose (a test fixture, never used): parses with the compiler's own parser. */
final class PastTheDoorFixture {
  private PastTheDoorFixture() {}

  static Object parse(String text) {
    return Parser.parse(new SourceFile("fixture.cluster", text));
  }
}
