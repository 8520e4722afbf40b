package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.grammar.ClusterLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The bracket pass before parsing. It skips bracket groups nested deeper than
 * {@link Parser#MAX_NESTING} (so the parser's stack stays bounded), and it closes every bracket
 * that was never closed with a virtual closer: before a closer that belongs to an outer bracket,
 * before a top-level item that starts in column 1, and at the end of the file. The AST builder
 * reports each virtual closer with what it closes.
 */
final class Brackets {
  /** The token list to parse, and each virtual closer with the bracket it closes. */
  record Balanced(List<Token> tokens, Map<Token, Token> virtualClosers) {}

  private Brackets() {}

  static Balanced balance(SourceFile file, List<Token> lexed, List<Diagnostic> diagnostics) {
    List<Token> visible = skipDeepGroups(file, lexed, diagnostics);
    List<Token> out = new ArrayList<>(visible.size() + 8);
    Map<Token, Token> virtual = new IdentityHashMap<>();
    Deque<Token> open = new ArrayDeque<>();
    for (int i = 0; i < visible.size(); i++) {
      Token token = visible.get(i);
      int type = token.getType();
      if (type == Token.EOF || (!open.isEmpty() && startsTopLevelItem(visible, i))) {
        closeAll(open, out, virtual);
      } else if (isCloser(type) && !open.isEmpty() && closerOf(open.peek().getType()) != type) {
        if (open.stream().anyMatch(o -> closerOf(o.getType()) == type)) {
          while (closerOf(open.peek().getType()) != type) {
            addVirtual(open.pop(), out, virtual);
          }
        }
      }
      if (isOpener(type)) {
        open.push(token);
      } else if (isCloser(type) && !open.isEmpty() && closerOf(open.peek().getType()) == type) {
        open.pop();
      }
      out.add(token);
    }
    return new Balanced(out, Collections.unmodifiableMap(virtual));
  }

  private static void closeAll(Deque<Token> open, List<Token> out, Map<Token, Token> virtual) {
    while (!open.isEmpty()) {
      addVirtual(open.pop(), out, virtual);
    }
  }

  /** A zero-width closer placed right after the last token that is not a line break or a comment. */
  private static void addVirtual(Token opener, List<Token> out, Map<Token, Token> virtual) {
    int at = out.size();
    while (at > 0 && (out.get(at - 1).getType() == ClusterLexer.NL || out.get(at - 1).getChannel() != Token.DEFAULT_CHANNEL)) {
      at--;
    }
    Token last = at > 0 ? out.get(at - 1) : opener;
    int type = closerOf(opener.getType());
    // ANTLR's error recovery asks tokens for their source: give the closer its opener's.
    CommonToken closer = new CommonToken(new Pair<>(opener.getTokenSource(), opener.getInputStream()), type,
        Token.DEFAULT_CHANNEL, last.getStopIndex() + 1, last.getStopIndex());
    closer.setText(type == ClusterLexer.RBRACE ? "}" : type == ClusterLexer.RBRACK ? "]" : ")");
    closer.setLine(last.getLine());
    closer.setCharPositionInLine(last.getCharPositionInLine() + Math.max(0, last.getStopIndex() - last.getStartIndex() + 1));
    out.add(at, closer);
    virtual.put(closer, opener);
  }

  /**
   * {@code KIND NAME {}, {@code KIND NAME from}, {@code import}, {@code use} or {@code template} in
   * column 1; also the two slips the AST builder reports, {@code KIND NAME = {} (or {@code :}, {@code ,})
   * and {@code KIND NAME} with its {@code {} in column 1 of a later line.
   */
  private static boolean startsTopLevelItem(List<Token> tokens, int i) {
    Token first = tokens.get(i);
    if (first.getCharPositionInLine() != 0) {
      return false;
    }
    int type = first.getType();
    if (type == ClusterLexer.IMPORT || type == ClusterLexer.USE || type == ClusterLexer.TEMPLATE) {
      return true;
    }
    if (type != ClusterLexer.IDENT || i + 2 >= tokens.size()) {
      return false;
    }
    if (tokens.get(i + 1).getType() != ClusterLexer.IDENT) {
      return false;
    }
    int third = tokens.get(i + 2).getType();
    if (third == ClusterLexer.LBRACE || third == ClusterLexer.FROM) {
      return true;
    }
    if (third == ClusterLexer.EQUALS || third == ClusterLexer.COLON || third == ClusterLexer.COMMA) {
      return i + 3 < tokens.size() && tokens.get(i + 3).getType() == ClusterLexer.LBRACE;
    }
    int next = i + 2;
    while (next < tokens.size() && (tokens.get(next).getType() == ClusterLexer.NL || tokens.get(next).getChannel() != Token.DEFAULT_CHANNEL)) {
      next++;
    }
    return next > i + 2 && next < tokens.size() && tokens.get(next).getType() == ClusterLexer.LBRACE
        && tokens.get(next).getCharPositionInLine() == 0;
  }

  /** Drops every bracket group that opens deeper than the limit, and says so once. */
  private static List<Token> skipDeepGroups(SourceFile file, List<Token> tokens, List<Diagnostic> diagnostics) {
    List<Token> kept = new ArrayList<>(tokens.size());
    int depth = 0;
    int skipping = 0;
    for (Token token : tokens) {
      boolean opens = isOpener(token.getType());
      boolean closes = isCloser(token.getType());
      if (token.getType() == Token.EOF) {
        kept.add(token);
      } else if (skipping > 0) {
        skipping += opens ? 1 : closes ? -1 : 0;
      } else if (opens && depth == Parser.MAX_NESTING) {
        skipping = 1;
        if (diagnostics.stream().noneMatch(d -> d.message().startsWith("brackets nested deeper"))) {
          diagnostics.add(Diagnostic.error(Code.SYNTAX, Parser.tokenSpan(file, token),
                  "brackets nested deeper than " + Parser.MAX_NESTING + " levels")
              .withHint("flatten the structure; everything inside this bracket was skipped"));
        }
      } else {
        depth = Math.max(0, depth + (opens ? 1 : closes ? -1 : 0));
        kept.add(token);
      }
    }
    return kept;
  }

  static boolean isOpener(int type) {
    return type == ClusterLexer.LBRACE || type == ClusterLexer.LBRACK || type == ClusterLexer.LPAREN;
  }

  static boolean isCloser(int type) {
    return type == ClusterLexer.RBRACE || type == ClusterLexer.RBRACK || type == ClusterLexer.RPAREN;
  }

  private static int closerOf(int opener) {
    return opener == ClusterLexer.LBRACE ? ClusterLexer.RBRACE : opener == ClusterLexer.LBRACK ? ClusterLexer.RBRACK : ClusterLexer.RPAREN;
  }
}
