package dev.clusterc.compiler.syntax;

import dev.clusterc.grammar.ClusterLexer;
import dev.clusterc.grammar.ClusterParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery with two changes that keep one slip to one message.
 *
 * <ul>
 *   <li>Inside a block, a token that cannot go on there (a {@code )}, a {@code =} after a keyword) is
 *       reported (a {@code =} or {@code :} right after an entry's keyword by the AST builder, which can
 *       show the entry without it), and the rest of its line is skipped: entries end at a line break, so what follows on
 *       the line belongs to the broken entry, not to new entries named after its words. The AST builder
 *       marks the entry it cut short ({@link #cutAt}), so the binder does not report it as incomplete.
 *   <li>A name missing from a header ({@code app = {}, {@code use} alone on its line, {@code for {}) is
 *       left to the AST builder, whose "expected a name after `app`" has a hint; ANTLR's "unexpected
 *       end of line" would only repeat it.
 * </ul>
 */
final class RecoveryStrategy extends DefaultErrorStrategy {
  private final Set<Integer> cuts = new HashSet<>();
  private final List<Token> unreported = new ArrayList<>();

  /** The errors left to the AST builder; {@link Parser} makes sure each was reported. */
  List<Token> unreported() {
    return unreported;
  }

  /** Whether the rest of a line was skipped from the token at {@code tokenIndex} on. */
  boolean cutAt(int tokenIndex) {
    return cuts.contains(tokenIndex);
  }

  @Override
  public void sync(org.antlr.v4.runtime.Parser recognizer) throws RecognitionException {
    if (atName(recognizer) && recognizer.getInputStream().LA(1) == ClusterLexer.NL
        && !recognizer.getExpectedTokens().contains(ClusterLexer.NL)) {
      // `use` at the end of a line: ANTLR would drop the line break and take the next line's first
      // word for the name. Left alone, the decision fails here and the missing name is reported.
      return;
    }
    if (!(recognizer.getContext() instanceof ClusterParser.BlockContext) || inErrorRecoveryMode(recognizer)) {
      super.sync(recognizer);
      return;
    }
    TokenStream input = recognizer.getInputStream();
    int next = input.LA(1);
    if (next == Token.EOF || recognizer.getExpectedTokens().contains(next)) {
      super.sync(recognizer);
      return;
    }
    if (assignsKey(input)) {
      beginErrorCondition(recognizer); // `image = "x"`: the AST builder says it, with the entry written right
      unreported.add(input.LT(1));
    } else {
      reportUnwantedToken(recognizer);
    }
    cuts.add(input.index());
    // A bracket opened on the skipped part is skipped whole, across lines: its closer must not end the block.
    int depth = 0;
    while (input.LA(1) != Token.EOF && (depth > 0 || !endsEntry(input.LA(1)))) {
      int type = input.LA(1);
      depth = Math.max(0, depth + (Brackets.isOpener(type) ? 1 : Brackets.isCloser(type) ? -1 : 0));
      recognizer.consume();
    }
    endErrorCondition(recognizer);
  }

  /** {@code =} or {@code :} right after the keyword that starts an entry. */
  static boolean assignsKey(TokenStream input) {
    int next = input.LA(1);
    if (next != ClusterLexer.EQUALS && next != ClusterLexer.COLON) {
      return false;
    }
    int before = input.LA(-2);
    return input.LA(-1) == ClusterLexer.IDENT
        && (before == ClusterLexer.NL || before == ClusterLexer.SEMI || before == ClusterLexer.LBRACE);
  }

  private static boolean endsEntry(int type) {
    return type == ClusterLexer.NL || type == ClusterLexer.SEMI || type == ClusterLexer.RBRACE || type == Token.EOF;
  }

  /**
   * No alternative fits right after a kind, {@code use} or {@code for}: the name is missing (before a
   * line break or something else that cannot follow), which the AST builder reports with its hint.
   */
  @Override
  protected void reportNoViableAlternative(org.antlr.v4.runtime.Parser recognizer, NoViableAltException e) {
    ParserRuleContext rule = recognizer.getContext();
    Token start = e.getStartToken();
    boolean missingName = rule instanceof ClusterParser.DeclarationContext
            && (start == rule.start || follows(recognizer, start, rule.start))
        || rule instanceof ClusterParser.UseDeclContext && follows(recognizer, start, ClusterLexer.USE)
        || rule instanceof ClusterParser.TemplateDeclContext && follows(recognizer, start, ClusterLexer.FOR);
    if (missingName) {
      beginErrorCondition(recognizer);
      return;
    }
    super.reportNoViableAlternative(recognizer, e);
  }

  /** Whether the visible token before {@code token} is of type {@code previous}. */
  private static boolean follows(org.antlr.v4.runtime.Parser recognizer, Token token, int previous) {
    Token before = visibleBefore(recognizer, token);
    return before != null && before.getType() == previous;
  }

  /** Whether the visible token before {@code token} is {@code previous} itself. */
  private static boolean follows(org.antlr.v4.runtime.Parser recognizer, Token token, Token previous) {
    return visibleBefore(recognizer, token) == previous;
  }

  private static Token visibleBefore(org.antlr.v4.runtime.Parser recognizer, Token token) {
    TokenStream input = recognizer.getInputStream();
    for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
      Token before = input.get(i);
      if (before.getChannel() == Token.DEFAULT_CHANNEL) {
        return before;
      }
    }
    return null;
  }

  /** Right after a kind, {@code use} or {@code for}, where a name is expected. */
  private static boolean atName(org.antlr.v4.runtime.Parser recognizer) {
    ParserRuleContext rule = recognizer.getContext();
    Token before = recognizer.getInputStream().LT(-1);
    return rule instanceof ClusterParser.DeclarationContext && before == rule.start
        || rule instanceof ClusterParser.UseDeclContext && before != null && before.getType() == ClusterLexer.USE
        || rule instanceof ClusterParser.TemplateDeclContext && before != null && before.getType() == ClusterLexer.FOR;
  }

  private static boolean isHeader(ParserRuleContext rule) {
    return rule instanceof ClusterParser.DeclarationContext || rule instanceof ClusterParser.UseDeclContext
        || rule instanceof ClusterParser.TemplateDeclContext;
  }

  @Override
  protected void reportMissingToken(org.antlr.v4.runtime.Parser recognizer) {
    IntervalSet expected = getExpectedTokens(recognizer);
    if (isHeader(recognizer.getContext()) && expected.size() == 1 && expected.contains(ClusterLexer.IDENT)) {
      beginErrorCondition(recognizer);
      return;
    }
    super.reportMissingToken(recognizer);
  }
}
