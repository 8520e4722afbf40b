package dev.clusterc.compiler.syntax;

import dev.clusterc.grammar.ClusterLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Folds each run of stray characters (tokens of type {@code ERROR_CHAR} with only spaces between
 * them) into one token that spans the run and reads as its first character. A stray character may
 * continue an entry's values or stand on its own in the block, and ANTLR's prediction looked ahead
 * across the whole run to choose at each one: a line of 35,000 NUL bytes took 39 seconds to parse.
 * One token per run keeps that linear, and reports one {@code syntax} error per run.
 */
final class StrayRuns {
  private StrayRuns() {}

  static List<Token> fold(List<Token> tokens) {
    List<Token> out = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      Token token = tokens.get(i);
      int end = i + 1;
      if (token.getType() == ClusterLexer.ERROR_CHAR) {
        while (end < tokens.size() && tokens.get(end).getType() == ClusterLexer.ERROR_CHAR
            && tokens.get(end).getChannel() == token.getChannel()) {
          end++;
        }
      }
      if (end - i == 1) {
        out.add(token);
      } else {
        CommonToken run = new CommonToken(token);
        run.setStopIndex(tokens.get(end - 1).getStopIndex());
        run.setText(token.getText());
        out.add(run);
      }
      i = end;
    }
    return out;
  }
}
