package dev.clusterc.compiler.syntax;

import dev.clusterc.grammar.ClusterLexer;
import dev.clusterc.grammar.ClusterParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * ANTLR's recovery, with one report left to the AST builder: a name missing from a header
 * ({@code app = {}, {@code use {}, {@code for {}). ANTLR conjures the name and goes on, and the AST
 * builder, seeing a conjured token, says "expected a name after `app`" with a hint; ANTLR's own
 * "unexpected `=`" one column further would only repeat it.
 */
final class RecoveryStrategy extends DefaultErrorStrategy {
  @Override
  protected void reportMissingToken(org.antlr.v4.runtime.Parser recognizer) {
    ParserRuleContext rule = recognizer.getContext();
    boolean header = rule instanceof ClusterParser.DeclarationContext || rule instanceof ClusterParser.UseDeclContext
        || rule instanceof ClusterParser.TemplateDeclContext;
    if (header && getExpectedTokens(recognizer).contains(ClusterLexer.IDENT)) {
      beginErrorCondition(recognizer);
      return;
    }
    super.reportMissingToken(recognizer);
  }
}
