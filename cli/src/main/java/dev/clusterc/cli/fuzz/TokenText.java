package dev.clusterc.cli.fuzz;

import dev.clusterc.grammar.ClusterLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * A {@code .cluster} text as the project's own lexer sees it: a list of tokens, each with the text
 * that preceded it (skipped white space), so that editing tokens and joining them back keeps every
 * byte the edit did not touch. Token mutations and declaration mutations both work on this.
 */
final class TokenText {
  /** One token and the skipped text before it. */
  record Piece(String gap, String text, int type) {
    Piece withText(String replacement) {
      return new Piece(gap, replacement, type);
    }
  }

  final List<Piece> pieces;
  final String tail;

  private TokenText(List<Piece> pieces, String tail) {
    this.pieces = pieces;
    this.tail = tail;
  }

  /** Lexes {@code text}; indices are in code points, as ANTLR counts them. */
  static TokenText lex(String text) {
    int[] points = text.codePoints().toArray();
    ClusterLexer lexer = new ClusterLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Piece> pieces = new ArrayList<>();
    int at = 0;
    for (Token token : lexer.getAllTokens()) {
      int start = token.getStartIndex();
      int stop = token.getStopIndex() + 1;
      if (start < at || stop > points.length) {
        continue;
      }
      pieces.add(new Piece(new String(points, at, start - at), new String(points, start, stop - start), token.getType()));
      at = stop;
    }
    return new TokenText(pieces, new String(points, at, points.length - at));
  }

  String join() {
    StringBuilder out = new StringBuilder();
    for (Piece piece : pieces) {
      out.append(piece.gap()).append(piece.text());
    }
    return out.append(tail).toString();
  }

  /** True for tokens that carry meaning (not comments or line ends). */
  static boolean significant(Piece piece) {
    return piece.type() != ClusterLexer.COMMENT && piece.type() != ClusterLexer.NL;
  }

  /** A top-level declaration: {@code KIND NAME … { … }}, as token indices (inclusive). */
  record Declaration(String kind, String name, int start, int nameIndex, int end) {}

  /**
   * The top-level declarations: two words at brace depth 0 at the start of a line, up to the
   * closing brace that returns to depth 0 (or the line end for a declaration without a body).
   */
  List<Declaration> declarations() {
    List<Declaration> found = new ArrayList<>();
    int depth = 0;
    boolean lineStart = true;
    for (int i = 0; i < pieces.size(); i++) {
      Piece piece = pieces.get(i);
      int type = piece.type();
      if (depth == 0 && lineStart && (type == ClusterLexer.IDENT || type == ClusterLexer.TEMPLATE || type == ClusterLexer.USE)) {
        int next = nextSignificant(i + 1);
        if (next >= 0 && pieces.get(next).type() == ClusterLexer.IDENT) {
          int end = endOf(next);
          found.add(new Declaration(piece.text(), pieces.get(next).text(), i, next, end));
          i = end;
          lineStart = true;
          continue;
        }
      }
      if (type == ClusterLexer.LBRACE) {
        depth++;
      } else if (type == ClusterLexer.RBRACE && depth > 0) {
        depth--;
      }
      if (type == ClusterLexer.NL) {
        lineStart = true;
      } else if (type != ClusterLexer.COMMENT) {
        lineStart = false;
      }
    }
    return found;
  }

  /** Indices of identifiers inside declaration bodies: the places a reference can stand. */
  List<Integer> innerIdentifiers() {
    List<Integer> found = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < pieces.size(); i++) {
      int type = pieces.get(i).type();
      if (type == ClusterLexer.LBRACE) {
        depth++;
      } else if (type == ClusterLexer.RBRACE && depth > 0) {
        depth--;
      } else if (type == ClusterLexer.IDENT && depth > 0) {
        found.add(i);
      }
    }
    return found;
  }

  private int nextSignificant(int from) {
    for (int i = from; i < pieces.size(); i++) {
      if (pieces.get(i).type() == ClusterLexer.NL) {
        return -1;
      }
      if (significant(pieces.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The last token of the declaration whose name is at {@code nameIndex}. */
  private int endOf(int nameIndex) {
    int depth = 0;
    for (int i = nameIndex + 1; i < pieces.size(); i++) {
      int type = pieces.get(i).type();
      if (type == ClusterLexer.LBRACE) {
        depth++;
      } else if (type == ClusterLexer.RBRACE) {
        depth--;
        if (depth <= 0) {
          return i;
        }
      } else if (type == ClusterLexer.NL && depth == 0) {
        return i - 1;
      }
    }
    return pieces.size() - 1;
  }

  /** The source text of tokens {@code from..to} (inclusive), without the gap before the first. */
  String text(int from, int to) {
    StringBuilder out = new StringBuilder(pieces.get(from).text());
    for (int i = from + 1; i <= to; i++) {
      out.append(pieces.get(i).gap()).append(pieces.get(i).text());
    }
    return out.toString();
  }
}
