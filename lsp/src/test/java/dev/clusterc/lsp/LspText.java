package dev.clusterc.lsp;

import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;

/** Applies protocol text edits to a text, as an editor does (0-based lines, UTF-16 characters). */
final class LspText {
  private LspText() {}

  static String apply(String text, List<TextEdit> edits) {
    StringBuilder out = new StringBuilder(text);
    List<TextEdit> backwards = edits.stream()
        .sorted(Comparator.comparingInt((TextEdit e) -> offset(text, e.getRange().getStart())).reversed()).toList();
    for (TextEdit edit : backwards) {
      out.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()), edit.getNewText());
    }
    return out.toString();
  }

  static int offset(String text, Position position) {
    int offset = 0;
    for (int line = 0; line < position.getLine(); line++) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        return text.length();
      }
      offset = newline + 1;
    }
    return Math.min(offset + position.getCharacter(), text.length());
  }
}
