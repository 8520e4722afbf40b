package dev.clusterc.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Did-you-mean finds typos, and costs little however long the unknown word or the list of names. */
class SuggestionsTest {
  @Test
  void findsATypo() {
    assertEquals(Optional.of("replicas"), Suggestions.closest("replcias", List.of("image", "replicas", "port")));
    assertEquals(Optional.empty(), Suggestions.closest("zzz", List.of("image", "replicas", "port")));
  }

  @Test
  void aVeryLongUnknownWordIsCheap() {
    String word = "a".repeat(2_000_000);
    List<String> known = List.of(word.substring(1), word + "b", "image");
    assertEquals(Optional.empty(), assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Suggestions.closest(word, known)));
  }

  @Test
  void manyLongCandidatesAreCheap() {
    List<String> known = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      known.add("name-" + i + "-" + "x".repeat(80));
    }
    String word = "name-7-" + "x".repeat(81);
    assertEquals(Optional.of("name-7-" + "x".repeat(80)),
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Suggestions.closest(word, known)));
  }

  /** The banded distance agrees with the full one wherever the full one is within the limit. */
  @Property(tries = 500)
  void bandedDistanceAgreesWithTheFullOne(@ForAll @StringLength(max = 12) @CharRange(from = 'a', to = 'd') String a,
      @ForAll @StringLength(max = 12) @CharRange(from = 'a', to = 'd') String b, @ForAll @IntRange(min = 0, max = 5) int limit) {
    int full = Suggestions.distance(a, b);
    assertEquals(Math.min(full, limit + 1), Suggestions.distance(a, b, limit));
  }
}
