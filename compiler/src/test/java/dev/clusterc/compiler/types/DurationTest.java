package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTest {
  private static LiteralException error(String text) {
    return assertThrows(LiteralException.class, () -> Duration.parse(text));
  }

  @ParameterizedTest(name = "{0} = {1}s")
  @CsvSource({
      "0s, 0",
      "30s, 30",
      "10m, 600",
      "1h, 3600",
      "1h30m, 5400",
      "7d, 604800",
      "1d2h3m4s, 93784",
      "2d12h, 216000",
      "90m, 5400",
      "0h0m0s, 0",
      "05m, 300",
      "1d1s, 86401",
  })
  void countsSeconds(String text, long seconds) throws LiteralException {
    Duration duration = Duration.parse(text);
    assertEquals(seconds, duration.seconds());
    assertEquals(text, duration.toString());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "1h, 1h0m0s",
      "10m, 10m0s",
      "7d, 168h0m0s",
      "30s, 30s",
      "0s, 0s",
      "90s, 1m30s",
      "1h30s, 1h0m30s",
      "1d2h3m4s, 26h3m4s",
      "59m59s, 59m59s",
  })
  void printsInGoFormat(String text, String go) throws LiteralException {
    assertEquals(go, Duration.parse(text).toGoString());
  }

  @Test
  void wantsTheLargestUnitFirst() {
    LiteralException e = error("30m1h");
    assertEquals("the parts of `30m1h` are out of order; the largest unit comes first", e.message());
    assertEquals("write `1h30m`", e.hint());
    assertEquals("write `1d2h3m4s`", error("4s3m2h1d").hint());
  }

  @Test
  void aFractionOfManyDigitsIsRefusedQuickly() {
    String text = "1." + "5".repeat(1_200_000) + "h";
    LiteralException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> error(text));
    assertEquals("durations are whole numbers of each unit; use a smaller unit", e.hint());
  }

  @Test
  void allowsEachUnitOnce() {
    LiteralException e = error("1h2h");
    assertEquals("`1h2h` gives the hours more than once", e.message());
    assertEquals("write `3h`", e.hint());
    assertEquals("write `1h70m`", error("30m1h40m").hint());
  }

  @Test
  void rejectsFractionsAndSaysWhatToWrite() {
    LiteralException e = error("1.5h");
    assertEquals("`1.5h` has a fraction", e.message());
    assertEquals("durations are whole numbers of each unit; write `1h30m`", e.hint());
    assertEquals("`1.5d` in `1d1.5d` has a fraction", error("1d1.5d").message());
    assertEquals("durations are whole numbers of each unit; write `1d12h`", error("1.5d").hint());
    assertEquals("`2,5m` has a fraction", error("2,5m").message());
    assertEquals("durations are whole numbers of each unit; write `2m30s`", error("2,5m").hint());
    assertEquals("durations are whole numbers of each unit; use a smaller unit", error("0.5s").hint());
  }

  @Test
  void wantsAUnitAfterEveryNumber() {
    LiteralException bare = error("30");
    assertEquals("`30` has no unit", bare.message());
    assertEquals("write `30s`, `30m`, `30h` or `30d`", bare.hint());
    LiteralException trailing = error("1h30");
    assertEquals("the number `30` at the end of `1h30` has no unit", trailing.message());
    assertEquals("write `1h30m`", trailing.hint());
  }

  @Test
  void namesTheUnknownUnitAndItsReplacement() {
    LiteralException minutes = error("5min");
    assertEquals("`min` in `5min` is not a duration unit", minutes.message());
    assertEquals("write `m` for minutes: `5m`", minutes.hint());
    assertEquals("write `h` for hours: `2h`", error("2hrs").hint());
    assertEquals("write `m` for minutes: `5m`", error("5M").hint());
    assertEquals("write `d` for days: `3d`", error("3Days").hint());
    assertEquals("write it in days: `35d`", error("5w").hint());
    assertEquals("write it in days: `365d`", error("1y").hint());
    assertEquals("durations are whole seconds; the units are `d` (days), `h` (hours), `m` (minutes) and `s` (seconds)",
        error("500ms").hint());
    assertEquals("the units are `d` (days), `h` (hours), `m` (minutes) and `s` (seconds)", error("5x").hint());
  }

  @Test
  void rejectsSigns() {
    LiteralException e = error("-5m");
    assertEquals("`-5m` has a sign", e.message());
    assertEquals("a duration is never negative; write `5m`", e.hint());
    assertEquals("`+5m` has a sign", error("+5m").message());
  }

  @Test
  void rejectsTextThatIsNotADuration() {
    assertEquals("expected a duration, found nothing", error("").message());
    assertEquals("`h1` does not start with a number", error("h1").message());
    assertEquals("unexpected ` ` in `1h 30m`", error("1h 30m").message());
    assertEquals("unexpected `_` in `30_s`", error("30_s").message());
  }

  @Test
  void refusesDurationsGoCannotHold() throws LiteralException {
    assertEquals(Duration.MAX_SECONDS, Duration.parse(Duration.MAX_SECONDS + "s").seconds());
    LiteralException e = error((Duration.MAX_SECONDS + 1) + "s");
    assertEquals("`9223372037s` is too long", e.message());
    assertEquals("the longest duration is 106751d (about 292 years)", e.hint());
    assertEquals("`99999999999999999999s` is too long", error("99999999999999999999s").message());
    assertEquals("`999999999999999999d` is too long", error("999999999999999999d").message());
    assertEquals("`106752d` is too long", error("106752d").message());
  }

  @Test
  void writesTheShortestTextForAnAmountOfSeconds() {
    assertEquals("1h30m", Duration.ofSeconds(5400).text());
    assertEquals("0s", Duration.ofSeconds(0).text());
    assertEquals("1d1s", Duration.ofSeconds(86_401).text());
    assertThrows(IllegalArgumentException.class, () -> Duration.ofSeconds(-1));
  }

  @Test
  void comparesByLengthButEqualsByText() throws LiteralException {
    Duration hour = Duration.parse("1h");
    Duration minutes = Duration.parse("60m");
    assertEquals(0, hour.compareTo(minutes));
    assertNotEquals(hour, minutes);
    assertTrue(Duration.parse("1d").compareTo(Duration.parse("23h59m59s")) > 0);
    assertEquals(java.time.Duration.ofMinutes(90), Duration.parse("1h30m").toJavaDuration());
  }
}
