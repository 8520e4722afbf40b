package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.grammar.ClusterLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** The wording of syntax diagnostics, in one place. */
final class SyntaxMessages {
  private SyntaxMessages() {}

  static Diagnostic unexpected(Token token, SourceSpan span, IntervalSet expected) {
    return switch (token.getType()) {
      case ClusterLexer.UNTERMINATED_STRING -> Diagnostic.error(Code.SYNTAX, span, "unterminated string")
          .withHint("close it with `\"` on the same line; use `\"\"\"` for text over several lines");
      case ClusterLexer.UNTERMINATED_TEXT -> Diagnostic.error(Code.SYNTAX, span, "unterminated text block")
          .withHint("close it with `\"\"\"`");
      case ClusterLexer.ERROR_CHAR -> Diagnostic.error(Code.SYNTAX, span,
          "unexpected character " + describeChar(token.getText()))
          .withHint(expectedHint(expected));
      default -> Diagnostic.error(Code.SYNTAX, span, "unexpected " + describe(token))
          .withHint(expectedHint(expected));
    };
  }

  /** {@code app x = {}: the stray token, and the header written as it should be. */
  static Diagnostic strayAfterHeader(Token stray, SourceSpan span, String header) {
    return Diagnostic.error(Code.SYNTAX, span, "unexpected `" + stray.getText() + "` after `" + header + "`")
        .withHint("no `" + stray.getText() + "` between a header and its body: write `" + header + " { … }`");
  }

  /** {@code app x} and {@code {} on the next line: a line break ends the header, so the brace is alone. */
  static Diagnostic braceOnNextLine(SourceSpan span, String header, int headerLine) {
    return Diagnostic.error(Code.SYNTAX, span, "`{` must be on the same line as `" + header + "`")
        .withHint("put `{` at the end of the header's line " + headerLine + ": `" + header + " {`");
  }

  /** {@code image = "x"} or {@code image: "x"}: an entry is its keyword and values, with nothing between. */
  static Diagnostic assignedEntry(Token stray, SourceSpan span, String key, String rest) {
    String written = rest.isEmpty() ? key + " …" : key + " " + (rest.length() > 60 ? rest.substring(0, 60) + "…" : rest);
    return Diagnostic.error(Code.SYNTAX, span, "unexpected `" + stray.getText() + "` after `" + key + "`")
        .withHint("an entry is its keyword and its values, with no `" + stray.getText() + "`: write `" + written + "`");
  }

  static String describe(Token token) {
    return switch (token.getType()) {
      case Token.EOF -> "end of file";
      case ClusterLexer.NL -> "end of line";
      default -> "`" + token.getText() + "`";
    };
  }

  private static String describeChar(String text) {
    int c = text.isEmpty() ? 0 : text.codePointAt(0);
    if (c < 0x20 || c == 0x7f || Character.isISOControl(c)) {
      return String.format("U+%04X", c);
    }
    return "`" + text + "`";
  }

  /** "expected `}` or a name", or {@code null} when the choice is too wide to help. */
  private static String expectedHint(IntervalSet expected) {
    if (expected == null || expected.isNil()) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (int type : expected.toList()) {
      String word = tokenWord(type);
      if (word != null && !words.contains(word)) {
        words.add(word);
      }
    }
    if (words.isEmpty() || words.size() > 4) {
      return null;
    }
    if (words.size() == 1) {
      return "expected " + words.get(0);
    }
    return "expected " + String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }

  private static String tokenWord(int type) {
    return switch (type) {
      case ClusterLexer.IDENT -> "a name";
      case ClusterLexer.STRING -> "a string";
      case ClusterLexer.NUMBER -> "a number";
      case ClusterLexer.LBRACE -> "`{`";
      case ClusterLexer.RBRACE -> "`}`";
      case ClusterLexer.LBRACK -> "`[`";
      case ClusterLexer.RBRACK -> "`]`";
      case ClusterLexer.LPAREN -> "`(`";
      case ClusterLexer.RPAREN -> "`)`";
      case ClusterLexer.COMMA -> "`,`";
      case ClusterLexer.COLON -> "`:`";
      case ClusterLexer.EQUALS -> "`=`";
      case ClusterLexer.FOR -> "`for`";
      case ClusterLexer.FROM -> "`from`";
      case ClusterLexer.NL, ClusterLexer.SEMI -> "a new line or `;`";
      case Token.EOF -> "end of file";
      default -> null;
    };
  }
}
