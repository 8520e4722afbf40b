package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Comparator;
import java.util.List;

/**
 * One change to a source text: the characters of {@code span} become {@code newText}. An empty
 * span inserts. Editors apply it as an LSP {@code TextEdit}; tests apply it with {@link #apply}.
 */
public record TextEdit(SourceSpan span, String newText) {

  /** Inserts {@code text} at {@code offset} of {@code file}. */
  public static TextEdit insert(SourceFile file, int offset, String text) {
    return new TextEdit(SourceSpan.at(file, offset), text);
  }

  /** The text of {@code file} after the edits that fall in it (others are ignored); edits must not overlap. */
  public static String apply(SourceFile file, List<TextEdit> edits) {
    List<TextEdit> mine = edits.stream().filter(e -> e.span().file().equals(file))
        .sorted(Comparator.comparingInt((TextEdit e) -> e.span().start()).reversed())
        .toList();
    StringBuilder text = new StringBuilder(file.text());
    for (TextEdit edit : mine) {
      text.replace(edit.span().start(), edit.span().end(), edit.newText());
    }
    return text.toString();
  }
}
