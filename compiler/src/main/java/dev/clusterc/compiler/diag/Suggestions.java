package dev.clusterc.compiler.diag;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Did-you-mean: the closest known word to a misspelt one, if it is close enough to be a typo. The
 * cost is bounded whatever the input: a word longer than {@link #MAX_WORD} gets no suggestion, a
 * candidate whose length differs by more than the allowed edits is skipped, and the distance is
 * computed only in the band of that many edits, stopping as soon as it is exceeded.
 */
public final class Suggestions {
  /** Longer words are not typos of anything we know (names have at most 63 characters). */
  static final int MAX_WORD = 100;

  private Suggestions() {}

  public static Optional<String> closest(String word, Collection<String> known) {
    if (word.length() > MAX_WORD) {
      return Optional.empty();
    }
    int allowed = Math.max(1, Math.min(3, word.length() / 3));
    String lower = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      if (Math.abs(candidate.length() - word.length()) > allowed) {
        continue;
      }
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT), allowed);
      if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** "did you mean `x`?", or {@code null} when nothing is close. */
  public static String didYouMean(String word, Collection<String> known) {
    return closest(word, known).map(Suggestions::didYouMean).orElse(null);
  }

  /** "did you mean `x`?" for a suggestion already chosen. */
  static String didYouMean(String suggestion) {
    return "did you mean `" + suggestion + "`?";
  }

  /** Optimal string alignment distance: edits, with a swap of two neighbours counting as one. */
  static int distance(String a, String b) {
    return distance(a, b, Math.max(a.length(), b.length()));
  }

  /**
   * The optimal string alignment distance when it is at most {@code limit}, otherwise
   * {@code limit + 1}: only cells within {@code limit} of the diagonal are computed.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int over = limit + 1;
    int[] twoBack = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = Math.min(j, over);
    }
    for (int i = 1; i <= a.length(); i++) {
      Arrays.fill(current, over);
      current[0] = Math.min(i, over);
      int from = Math.max(1, i - limit);
      int to = Math.min(b.length(), i + limit);
      int rowMin = current[0];
      for (int j = from; j <= to; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, twoBack[j - 2] + 1);
        }
        current[j] = Math.min(d, over);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) {
        return over;
      }
      int[] spare = twoBack;
      twoBack = previous;
      previous = current;
      current = spare;
    }
    return previous[b.length()];
  }
}
