package dev.clusterc.compiler.format;

import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.Node;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.grammar.ClusterLexer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Messes up a well-formed text without changing what it means: entries and items joined on one line
 * with {@code ;}, one-line blocks split over lines, extra spaces and tabs between tokens, blank lines,
 * {@code \r\n} line ends, and comments at the end of lines and on lines of their own.
 */
final class Perturbation {
  private record Edit(int start, int end, String replacement) {}

  private final Random random;

  private Perturbation(Random random) {
    this.random = random;
  }

  static String perturb(String text, long seed) {
    Perturbation p = new Perturbation(new Random(seed));
    return p.respace(p.joinAndSplit(text));
  }

  /** Joins separate lines with {@code ;} and splits {@code ; } of one-line blocks into new lines. */
  private String joinAndSplit(String text) {
    SourceUnit unit = FormatCheck.parse("printed.cluster", text);
    List<Edit> edits = new ArrayList<>();
    separators(text, unit.items(), edits);
    for (Item item : unit.items()) {
      if (item instanceof Item.Declaration d) {
        block(text, d.body(), edits);
      } else if (item instanceof Item.Template t) {
        block(text, t.body(), edits);
      } else if (item instanceof Item.Use u) {
        block(text, u.body(), edits);
      }
    }
    edits.sort(Comparator.comparingInt(Edit::start).reversed());
    StringBuilder out = new StringBuilder(text);
    for (Edit edit : edits) {
      out.replace(edit.start(), edit.end(), edit.replacement());
    }
    return out.toString();
  }

  private void block(String text, Block block, List<Edit> edits) {
    if (block == null) {
      return;
    }
    separators(text, block.entries(), edits);
    for (Entry entry : block.entries()) {
      block(text, entry.block(), edits);
    }
  }

  private void separators(String text, List<? extends Node> nodes, List<Edit> edits) {
    for (int i = 1; i < nodes.size(); i++) {
      int from = nodes.get(i - 1).span().end();
      int to = nodes.get(i).span().start();
      String gap = text.substring(from, to);
      if (gap.contains("\n") && gap.isBlank() && random.nextInt(3) == 0) {
        edits.add(new Edit(from, to, pick(";", "; ", " ;", " ;  ")));
      } else if (gap.equals("; ") && random.nextInt(3) == 0) {
        edits.add(new Edit(from, to, "\n" + " ".repeat(1 + random.nextInt(6))));
      }
    }
  }

  /** Adds whitespace between tokens, blank lines, {@code \r\n} and comments around line breaks. */
  private String respace(String text) {
    ClusterLexer lexer = new ClusterLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    StringBuilder out = new StringBuilder();
    int previousEnd = 0;
    for (Token token : lexer.getAllTokens()) {
      out.append(text, previousEnd, token.getStartIndex());
      if (random.nextInt(6) == 0) {
        out.append(pick(" ", "  ", "\t", " \t "));
      }
      if (token.getType() == ClusterLexer.NL) {
        if (random.nextInt(8) == 0) {
          out.append(pick(" # trailing", "# glued", "  #   spaced   "));
        }
        out.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
        if (random.nextInt(8) == 0) {
          out.append("\n".repeat(1 + random.nextInt(3)));
        }
        if (random.nextInt(10) == 0) {
          out.append(" ".repeat(random.nextInt(7))).append(pick("# own line", "#", "## heading")).append('\n');
        }
      } else {
        out.append(token.getText());
      }
      previousEnd = token.getStopIndex() + 1;
    }
    out.append(text.substring(previousEnd));
    if (random.nextInt(4) == 0) {
      out.append(pick("\n\n", "# the end", "\n# the end\n\n"));
    }
    return random.nextInt(6) == 0 ? "\n \n" + out : out.toString();
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }
}
