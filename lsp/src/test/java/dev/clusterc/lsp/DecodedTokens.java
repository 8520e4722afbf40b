package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.lsp.feature.Highlighting;
import java.util.ArrayList;
import java.util.List;

/**
 * Semantic tokens decoded from the protocol's relative integers back to absolute places, as a
 * client reads them, with the checks every client relies on.
 */
record DecodedTokens(List<Token> tokens) {
  /** One token: 0-based line and character, length, and the legend's names. */
  record Token(int line, int character, int length, String type, List<String> modifiers) {}

  static DecodedTokens decode(List<Integer> data) {
    assertTrue(data.size() % 5 == 0, "five integers per token, got " + data.size());
    List<Token> tokens = new ArrayList<>();
    int line = 0;
    int character = 0;
    for (int i = 0; i < data.size(); i += 5) {
      int deltaLine = data.get(i);
      line += deltaLine;
      character = deltaLine == 0 ? character + data.get(i + 1) : data.get(i + 1);
      List<String> modifiers = new ArrayList<>();
      int bits = data.get(i + 4);
      for (int bit = 0; bit < Highlighting.LEGEND.getTokenModifiers().size(); bit++) {
        if ((bits & (1 << bit)) != 0) {
          modifiers.add(Highlighting.LEGEND.getTokenModifiers().get(bit));
        }
      }
      tokens.add(new Token(line, character, data.get(i + 2), Highlighting.LEGEND.getTokenTypes().get(data.get(i + 3)), modifiers));
    }
    return new DecodedTokens(tokens);
  }

  /** Asserts that the tokens are sorted, do not overlap, are not empty, and lie on the lines of {@code text}. */
  void assertWellFormed(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    int lastLine = -1;
    int lastEnd = 0;
    for (Token token : tokens) {
      assertTrue(token.length() > 0, "an empty token: " + token);
      assertTrue(token.line() < lines.length, "a token past the last line: " + token);
      assertTrue(token.character() + token.length() <= lines[token.line()].length(),
          "a token past the end of its line `" + lines[token.line()] + "`: " + token);
      assertTrue(token.line() > lastLine || token.character() >= lastEnd, "tokens out of order or overlapping at " + token);
      lastLine = token.line();
      lastEnd = token.character() + token.length();
    }
  }

  /** One line per token: place, type, modifiers and the text it covers. */
  String render(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    StringBuilder out = new StringBuilder();
    for (Token token : tokens) {
      out.append(token.line() + 1).append(':').append(token.character() + 1).append(' ')
          .append(lines[token.line()], token.character(), token.character() + token.length()).append(" | ").append(token.type())
          .append(token.modifiers().isEmpty() ? "" : " " + token.modifiers()).append('\n');
    }
    return out.toString();
  }
}
