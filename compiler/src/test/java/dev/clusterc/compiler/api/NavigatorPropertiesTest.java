package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The navigator never throws, whatever the text: an example broken by random insertions and
 * deletions of the characters that shape the syntax (braces, quotes, brackets, {@code $}, {@code #},
 * separators), asked everything at random positions, including some just outside the text.
 */
class NavigatorPropertiesTest {
  private static final String SHAPING = "{}[]()\"$#;:,\n =|.";
  private static final String EXAMPLE = read();

  @Property(tries = 60)
  void anyDamageAnyPosition(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(EXAMPLE);
    for (int edit = 0; edit < 1 + random.nextInt(8); edit++) {
      int at = random.nextInt(text.length() + 1);
      if (random.nextBoolean() && at < text.length()) {
        text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
      } else {
        text.insert(at, SHAPING.charAt(random.nextInt(SHAPING.length())));
      }
    }
    SourceUnit unit = Parser.parse(new SourceFile("damaged.cluster", text.toString()));
    Navigator navigator = new Navigator(Frontend.analyze(List.of(unit), new ArrayList<Diagnostic>(unit.diagnostics())));
    SourceFile file = unit.file();
    navigator.outline(file.path());
    for (int ask = 0; ask < 40; ask++) {
      Position at = new Position(random.nextInt(file.lineCount() + 2), random.nextInt(60));
      navigator.nodeAt(file.path(), at);
      navigator.declarationAt(file.path(), at);
      navigator.entryAt(file.path(), at);
      navigator.definition(file.path(), at).forEach(s -> inside(s.selection()));
      navigator.references(file.path(), at, true).forEach(NavigatorPropertiesTest::inside);
      inside(navigator.completion(file.path(), at).replace());
    }
  }

  private static void inside(SourceSpan span) {
    assertTrue(span.start() >= 0 && span.start() <= span.end() && span.end() <= span.file().text().length(), span.toString());
  }

  private static String read() {
    try {
      return Files.readString(Repo.root().resolve("examples/homelab/cluster.cluster"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
