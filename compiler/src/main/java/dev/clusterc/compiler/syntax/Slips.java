package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.grammar.ClusterLexer;
import dev.clusterc.grammar.ClusterParser;
import java.util.List;
import java.util.function.IntPredicate;
import org.antlr.v4.runtime.Token;

/**
 * Reports the habits from other languages that the grammar and the error recovery let through, each
 * as one error at the offending token with the construct written right in the hint: between an item's
 * header and its body a stray {@code =}, {@code :} or {@code ,} ({@code app x = {}) or a line break
 * ({@code {} on a line of its own); between an entry's keyword and its values a {@code =} or {@code :}
 * ({@code image = "nginx"}). The body or entry is still read, so nothing else is reported for the slip.
 */
final class Slips {
  private final SourceFile file;
  private final List<Token> tokens;
  private final IntPredicate cutAt;
  private final List<Diagnostic> diagnostics;

  /**
   * @param cutAt whether error recovery skipped the rest of a line from a token index on
   *     ({@link RecoveryStrategy#cutAt})
   */
  Slips(SourceFile file, List<Token> tokens, IntPredicate cutAt, List<Diagnostic> diagnostics) {
    this.file = file;
    this.tokens = tokens;
    this.cutAt = cutAt;
    this.diagnostics = diagnostics;
  }

  /**
   * @param header the header as the hint spells it, e.g. {@code app sonarr}
   * @param stray the token between header and body, or {@code null}
   * @param body the body, or {@code null} when there is none
   */
  void header(String header, ClusterParser.StrayContext stray, ClusterParser.BlockContext body) {
    if (stray != null) {
      diagnostics.add(SyntaxMessages.strayAfterHeader(stray.start, Parser.tokenSpan(file, stray.start), header));
      return; // its hint already shows the whole header with `{` in its place
    }
    if (body == null) {
      return;
    }
    Token brace = body.start;
    Token before = previousVisible(brace.getTokenIndex());
    if (before != null && before.getType() == ClusterLexer.NL) {
      Token headerEnd = previousVisibleNotNewline(before.getTokenIndex());
      int line = headerEnd == null ? brace.getLine() - 1 : headerEnd.getLine();
      diagnostics.add(SyntaxMessages.braceOnNextLine(Parser.tokenSpan(file, brace), header, line));
    }
  }

  /**
   * A placeholder for the rest of an entry's line when error recovery skipped it after the entry's
   * last token, or {@code null}. When the skipped part starts with {@code =} or {@code :} right after
   * the keyword ({@code keywordOnly}), says so here: the recovery left that report to this class.
   */
  Value.Bad cutShort(Token last, String key, boolean keywordOnly) {
    Token next = nextVisible(last.getTokenIndex() + 1);
    if (next == null || !cutAt.test(next.getTokenIndex())) {
      return null;
    }
    if (keywordOnly && (next.getType() == ClusterLexer.EQUALS || next.getType() == ClusterLexer.COLON)) {
      diagnostics.add(SyntaxMessages.assignedEntry(next, Parser.tokenSpan(file, next), key, restOfEntry(next)));
    }
    return new Value.Bad(Parser.tokenSpan(file, next));
  }

  /** The source text after {@code token} up to the end of its entry (a line break, {@code ;} or a closing brace). */
  private String restOfEntry(Token token) {
    int end = token.getStopIndex() + 1;
    for (int i = token.getTokenIndex() + 1; i < tokens.size(); i++) {
      int type = tokens.get(i).getType();
      if (type == ClusterLexer.NL || type == ClusterLexer.SEMI || type == ClusterLexer.RBRACE || type == Token.EOF) {
        break;
      }
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        end = tokens.get(i).getStopIndex() + 1;
      }
    }
    return file.text().substring(Math.min(token.getStopIndex() + 1, end), end).strip();
  }

  private Token nextVisible(int from) {
    for (int i = Math.max(0, from); i < tokens.size(); i++) {
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        return tokens.get(i);
      }
    }
    return null;
  }

  /** The token before {@code index} on the parser's channel (comments are skipped). */
  private Token previousVisible(int index) {
    for (int i = index - 1; i >= 0 && i < tokens.size(); i--) {
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        return tokens.get(i);
      }
    }
    return null;
  }

  private Token previousVisibleNotNewline(int index) {
    Token token = previousVisible(index);
    while (token != null && token.getType() == ClusterLexer.NL) {
      token = previousVisible(token.getTokenIndex());
    }
    return token;
  }
}
