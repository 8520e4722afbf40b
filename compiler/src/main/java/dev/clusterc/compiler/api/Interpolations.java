package dev.clusterc.compiler.api;

import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.StrPart;
import dev.clusterc.compiler.syntax.Value;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a name is written inside {@code ${…}} in strings: the span of the name itself, so that a
 * template parameter's uses in {@code "${port}"} can be found and renamed like its {@code $port}
 * uses. The parser keeps one span per interpolation in a string, but one for the whole text block,
 * so inside a text block the name is found again in the text (where {@code ${} always interpolates).
 */
final class Interpolations {
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{\\s*([^}]*?)\\s*}");

  private Interpolations() {}

  /** Every {@code ${name}} in the strings of an entry (its values and its block's entries), added to {@code found} in order. */
  static void inEntry(Entry entry, String name, Set<SourceSpan> found) {
    entry.args().forEach(v -> inValue(v, name, found));
    if (entry.block() != null) {
      entry.block().entries().forEach(e -> inEntry(e, name, found));
    }
  }

  /**
   * Every {@code ${name}} in a value: a string, or the strings of a list or map. The parts of a text
   * block share one span, which is scanned once, not once per part.
   */
  static void inValue(Value value, String name, Set<SourceSpan> found) {
    if (value instanceof Value.Str s) {
      Set<SourceSpan> scanned = new HashSet<>();
      for (StrPart part : s.parts()) {
        if (part instanceof StrPart.Interpolation i && i.path().equals(name) && scanned.add(i.span())) {
          scan(i.span(), name, found);
        }
      }
    } else if (value instanceof Value.ListOf l) {
      l.items().forEach(v -> inValue(v, name, found));
    } else if (value instanceof Value.MapOf m) {
      m.entries().forEach(e -> inValue(e.value(), name, found));
    }
  }

  /** The names inside the {@code ${…}}s of {@code span} that are {@code name}; each span once. */
  private static void scan(SourceSpan span, String name, Set<SourceSpan> found) {
    Matcher matcher = INTERPOLATION.matcher(span.text());
    while (matcher.find()) {
      if (matcher.group(1).equals(name)) {
        SourceSpan at = new SourceSpan(span.file(), span.start() + matcher.start(1), span.start() + matcher.end(1));
        found.add(at);
      }
    }
  }
}
