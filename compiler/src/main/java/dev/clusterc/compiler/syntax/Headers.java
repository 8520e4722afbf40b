package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.grammar.ClusterLexer;
import dev.clusterc.grammar.ClusterParser;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Reports the two habits from other languages that the grammar lets through between an item's header
 * and its body: a stray {@code =}, {@code :} or {@code ,} ({@code app x = {}) and an opening brace on a
 * line of its own. Each is one error at the offending token; the body is still read, so the rest of the
 * item is checked as if it were written right.
 */
final class Headers {
  private final SourceFile file;
  private final List<Token> tokens;
  private final List<Diagnostic> diagnostics;

  Headers(SourceFile file, List<Token> tokens, List<Diagnostic> diagnostics) {
    this.file = file;
    this.tokens = tokens;
    this.diagnostics = diagnostics;
  }

  /**
   * @param header the header as the hint spells it, e.g. {@code app sonarr}
   * @param stray the token between header and body, or {@code null}
   * @param body the body, or {@code null} when there is none
   */
  void check(String header, ClusterParser.StrayContext stray, ClusterParser.BlockContext body) {
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
