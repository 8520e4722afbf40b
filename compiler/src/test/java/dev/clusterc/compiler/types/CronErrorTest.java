package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronErrorTest {
  private static final String FIELDS = "(minute hour day-of-month month day-of-week)";

  private static LiteralException error(String text) {
    return assertThrows(LiteralException.class, () -> Cron.parse(text));
  }

  @Test
  void namesTheFieldThatIsOutOfRange() {
    LiteralException e = error("0 25 * * *");
    assertEquals("the hour field `25` is out of range 0–23", e.message());
    assertNull(e.hint());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "60 0 * * *|the minute field `60` is out of range 0–59",
      "0 0 0 * *|the day-of-month field `0` is out of range 1–31",
      "0 0 1,32 * *|the day-of-month field `32` is out of range 1–31",
      "0 0 * 0 *|the month field `0` is out of range 1–12",
      "0 0 * 13 *|the month field `13` is out of range 1–12",
      "0 0 * * 1-8|the day-of-week field `8` is out of range 0–7",
      "0 99999999999 * * *|the hour field `99999999999` is out of range 0–23",
  })
  void namesTheFieldOfEveryOutOfRangeValue(String text, String message) {
    assertEquals(message, error(text).message());
  }

  @Test
  void countsTheFieldsAndRejectsASecondsField() {
    LiteralException e = error("0 0 3 * * *");
    assertEquals("expected 5 fields " + FIELDS + ", found 6", e.message());
    assertEquals("a seconds field is not supported, nor are `@daily`-style macros; write the 5-field form `0 3 * * *`", e.hint());
    LiteralException quartz = error("0 0 3 * * ? 2025");
    assertEquals("expected 5 fields " + FIELDS + ", found 7", quartz.message());
    assertEquals("seconds and year fields are not supported, nor are `@daily`-style macros; write the 5-field form `0 3 * * ?`",
        quartz.hint());
  }

  @Test
  void asksForAllFiveFields() {
    LiteralException e = error("0 3 * *");
    assertEquals("expected 5 fields " + FIELDS + ", found 4", e.message());
    assertEquals("write all five fields, with `*` for any value, such as `0 3 * * *` (every day at 03:00)", e.hint());
    assertEquals("expected 5 fields " + FIELDS + ", found 8", error("1 2 3 4 5 6 7 8").message());
    assertEquals("expected a cron schedule of 5 fields " + FIELDS + ", found nothing", error("  ").message());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "@daily|write `0 0 * * *`",
      "@midnight|write `0 0 * * *`",
      "@hourly|write `0 * * * *`",
      "@weekly|write `0 0 * * 0`",
      "@monthly|write `0 0 1 * *`",
      "@yearly|write `0 0 1 1 *`",
      "@Annually|write `0 0 1 1 *`",
      "@reboot|write the 5-field form, such as `0 3 * * *` (every day at 03:00)",
  })
  void translatesMacros(String text, String hint) {
    LiteralException e = error(text);
    assertEquals("`" + text + "` is not supported; expected 5 fields " + FIELDS, e.message());
    assertEquals(hint, e.hint());
  }

  @Test
  void namesTheMacroOfAnEveryMacro() {
    assertEquals("`@every` is not supported; expected 5 fields " + FIELDS, error("@every 1h").message());
  }

  @Test
  void rejectsAnEmptyStep() {
    LiteralException e = error("*/ * * * *");
    assertEquals("the minute field `*/` has an empty step", e.message());
    assertEquals("write a number after the `/`, such as `*/15`", e.hint());
    assertEquals("the hour field `1-5/` has an empty step", error("0 1-5/ * * *").message());
  }

  @Test
  void rejectsStepsThatAreZeroOrNotNumbersOrDoubled() {
    assertEquals("the minute field step `0` in `*/0` must be at least 1", error("*/0 * * * *").message());
    assertEquals("the hour field step `x` in `*/x` is not a number", error("0 */x * * *").message());
    assertEquals("the minute field `*/5/2` has more than one `/`", error("*/5/2 * * * *").message());
  }

  @Test
  void rejectsAStepThatWouldCarryIntoTheNextPeriod() {
    LiteralException e = error("*/90 * * * *");
    assertEquals("the minute field step `90` in `*/90` is larger than the field's range 0–59", e.message());
    assertEquals("a step does not carry over into the next hour, so `*/90` would run only at minute 0; list the values instead", e.hint());
    assertEquals("the hour field step `24` in `3/24` is larger than the field's range 0–23", error("0 3/24 * * *").message());
    assertEquals("the day-of-week field step `7` in `*/7` is larger than the field's range 0–6", error("0 0 * * */7").message());
  }

  @Test
  void rejectsABackwardsRangeAndOffersBothReadings() {
    LiteralException e = error("5-1 * * * *");
    assertEquals("the minute field range `5-1` is backwards", e.message());
    assertEquals("write `1-5`, or `5-59,0-1` to wrap around", e.hint());
    assertEquals("write `2-22`, or `22-23,0-2` to wrap around", error("0 22-2 * * *").hint());
    assertEquals("the month field range `DEC-FEB` is backwards", error("0 0 * DEC-FEB *").message());
  }

  @Test
  void pointsOutThatSevenIsSundayAtTheEndOfAWeekRange() {
    LiteralException e = error("0 0 * * FRI-SUN");
    assertEquals("the day-of-week field range `FRI-SUN` is backwards", e.message());
    assertEquals("write `FRI-7`; 7 is also Sunday", e.hint());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "5- * * * *|the minute field range `5-` is incomplete",
      "-5 * * * *|the minute field range `-5` is incomplete",
      "1-2-3 * * * *|the minute field range `1-2-3` is incomplete",
      "1,,2 * * * *|the minute field `1,,2` has an empty item",
      "0, * * * *|the minute field `0,` has an empty item",
      "*-5 * * * *|the minute field `*-5` is not valid",
      "a * * * *|the minute field `a` is not a number",
      "0 0 JAN * *|the day-of-month field `JAN` is not a number",
      "0 0 * FOO *|the month field `FOO` is not a month number or name",
      "0 0 * * L|the day-of-week field `L` is not a day number or name",
      "0 0 * * 5#2|the day-of-week field `5#2` is not a day number or name",
  })
  void namesTheMalformedItem(String text, String message) {
    assertEquals(message, error(text).message());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "0 0 * JANUARY *|write `JAN`",
      "0 0 * * Monday|write `MON`",
      "0 0 ? * *|write `*`",
      "0 0 * * ?|write `*`",
      "0 0 * FOO *|write a number 1–12 or a name JAN–DEC",
      "0 0 * * FOO|write a number 0–7 or a name SUN–SAT",
      "x * * * *|write `*`, a number 0–59, a range such as `0-4` or a step such as `*/15`",
  })
  void suggestsTheValueToWrite(String text, String hint) {
    assertEquals(hint, error(text).hint());
  }
}
