package dev.clusterc.cli.fuzz;

import dev.clusterc.grammar.ClusterLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Edits a {@code .cluster} file token by token, as the project's lexer cuts it: a token replaced
 * (by one of the same type, of any type, or by a hostile value), deleted, duplicated, swapped with
 * another, or a token inserted. Whole tokens keep the input close to the grammar, so these reach
 * the binder, the checks and the emitters where byte flips mostly stop at the lexer.
 */
final class TokenMutator {
  /** Values that stress rules and renderers, in the spelling of the token they replace. */
  private static final List<String> HOSTILE = List.of(
      "\"../../../../../../escaped\"", "\"/dev/zero\"", "\"\"", "\"/\"", "\".\"", "\"..\"",
      "\"" + FuzzInput.OUTSIDE + "/abs\"", "\"a\\u0000b\"", "\"\\\\\"", "\"\u0000\"", "\"*\"", "\"${x}\"",
      "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999", "0", "-1", "1e308", "1e999Gi",
      "0.0.0.0", "255.255.255.255", "999.1.1.1", "1.2.3.4.5", "10.0.0.0/33", "10.0.0.0/0", "0.0.0.0/0",
      "10.0.0.255..10.0.0.0", "0.0.0.0..255.255.255.255", "flux-system", "kube-system", "default", "flux", "talos",
      "crds", "apps", "a-", "-", "_", "$x", "x".repeat(300), "\"" + "y".repeat(70_000) + "\"",
      "\"\"\"\n\r\"\"\"", "\"\"\"\"\"\"", "\"0 3 * * *\"", "\"61 25 32 13 8\"", "\"@reboot\"");

  private final Map<Integer, List<String>> byType;
  private final List<String> all;

  /** @param sources the texts whose tokens are the material of replacements and insertions */
  TokenMutator(List<String> sources) {
    Map<Integer, Set<String>> seen = new TreeMap<>();
    for (String source : sources) {
      for (TokenText.Piece piece : TokenText.lex(source).pieces) {
        seen.computeIfAbsent(piece.type(), k -> new LinkedHashSet<>()).add(piece.text());
      }
    }
    Map<Integer, List<String>> lists = new TreeMap<>();
    List<String> every = new ArrayList<>();
    seen.forEach((type, texts) -> {
      lists.put(type, List.copyOf(texts));
      every.addAll(texts);
    });
    this.byType = lists;
    this.all = List.copyOf(every);
  }

  String mutate(FuzzInput input, Random random) {
    List<String> clusters = input.clusterFiles();
    if (clusters.isEmpty()) {
      return null;
    }
    String path = clusters.get(random.nextInt(clusters.size()));
    TokenText text = TokenText.lex(input.text(path));
    List<TokenText.Piece> pieces = text.pieces;
    if (pieces.isEmpty()) {
      return null;
    }
    int i = random.nextInt(pieces.size());
    TokenText.Piece piece = pieces.get(i);
    String what;
    switch (random.nextInt(7)) {
      case 0 -> {
        what = "replace token by one of its type";
        List<String> same = byType.getOrDefault(piece.type(), all);
        pieces.set(i, piece.withText(same.get(random.nextInt(same.size()))));
      }
      case 1 -> {
        what = "replace token by any token";
        pieces.set(i, piece.withText(all.get(random.nextInt(all.size()))));
      }
      case 2 -> {
        what = "replace token by a hostile value";
        pieces.set(i, piece.withText(HOSTILE.get(random.nextInt(HOSTILE.size()))));
      }
      case 3 -> {
        what = "delete token";
        pieces.remove(i);
      }
      case 4 -> {
        what = "duplicate token";
        pieces.add(i + 1, new TokenText.Piece(random.nextBoolean() ? " " : "", piece.text(), piece.type()));
      }
      case 5 -> {
        what = "swap tokens";
        int j = random.nextInt(pieces.size());
        TokenText.Piece other = pieces.get(j);
        pieces.set(i, piece.withText(other.text()));
        pieces.set(j, other.withText(piece.text()));
      }
      default -> {
        what = "insert token";
        String token = random.nextInt(3) == 0 ? punctuation(random) : all.get(random.nextInt(all.size()));
        pieces.add(i, new TokenText.Piece(" ", token, ClusterLexer.ERROR_CHAR));
      }
    }
    input.put(path, text.join());
    return what + " in " + path;
  }

  private static String punctuation(Random random) {
    String[] marks = {"{", "}", "[", "]", "(", ")", ",", ":", ";", "=", "\n", "\"", "\"\"\"", "#", "import", "template", "from", "for", "use"};
    return marks[random.nextInt(marks.length)];
  }
}
