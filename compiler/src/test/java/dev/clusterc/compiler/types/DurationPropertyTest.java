package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class DurationPropertyTest {
  /** Texts with each unit present or not, in order, with amounts that need not carry ({@code 90m}). */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> days = part(10_000, "d");
    Arbitrary<String> hours = part(1_000, "h");
    Arbitrary<String> minutes = part(10_000, "m");
    Arbitrary<String> seconds = part(100_000, "s");
    return Combinators.combine(days, hours, minutes, seconds).as((d, h, m, s) -> d + h + m + s)
        .filter(text -> !text.isEmpty());
  }

  private static Arbitrary<String> part(long max, String unit) {
    return Arbitraries.longs().between(0, max).map(n -> n + unit).injectNull(0.4).map(p -> p == null ? "" : p);
  }

  @Property
  void parsesWhatItPrints(@ForAll("texts") String text) throws LiteralException {
    Duration duration = Duration.parse(text);
    assertEquals(text, duration.toString());
    assertEquals(duration, Duration.parse(duration.toString()));
  }

  @Property
  void addsUpItsParts(@ForAll("texts") String text) throws LiteralException {
    long expected = 0;
    for (String part : text.split("(?<=[dhms])")) {
      long n = Long.parseLong(part.substring(0, part.length() - 1));
      expected += n * switch (part.charAt(part.length() - 1)) {
        case 'd' -> 86_400;
        case 'h' -> 3_600;
        case 'm' -> 60;
        default -> 1;
      };
    }
    assertEquals(expected, Duration.parse(text).seconds());
  }

  @Property
  void theShortestTextAndTheGoTextMeanTheSameLength(
      @ForAll @LongRange(min = 0, max = Duration.MAX_SECONDS) long seconds) throws LiteralException {
    Duration duration = Duration.ofSeconds(seconds);
    assertEquals(seconds, Duration.parse(duration.text()).seconds());
    assertEquals(seconds, Duration.parse(duration.toGoString()).seconds());
  }

  @Property
  void goTextAlwaysEndsInSeconds(@ForAll @LongRange(min = 0, max = Duration.MAX_SECONDS) long seconds) {
    String go = Duration.ofSeconds(seconds).toGoString();
    assertTrue(go.endsWith("s") && !go.contains("d"), go);
  }

  @Property
  void failsOnlyWithALiteralException(@ForAll("durationLike") String text) {
    try {
      Duration.parse(text);
    } catch (LiteralException e) {
      assertTrue(text.isEmpty() || e.message().contains("`"), e.message());
    }
  }

  @Provide
  Arbitrary<String> durationLike() {
    return Arbitraries.strings().withChars("0123456789dhmsDHMwy.,-+ ").ofMaxLength(14);
  }
}
