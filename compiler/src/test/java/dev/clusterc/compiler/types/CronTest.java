package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronTest {
  private static Cron cron(String text) throws LiteralException {
    return Cron.parse(text);
  }

  private static BitSet set(int... values) {
    BitSet set = new BitSet();
    IntStream.of(values).forEach(set::set);
    return set;
  }

  private static BitSet range(int from, int to) {
    BitSet set = new BitSet();
    set.set(from, to + 1);
    return set;
  }

  @Test
  void dailyAtThreeRunsEveryDayButNotEveryHour() throws LiteralException {
    Cron daily = cron("0 3 * * *");
    assertTrue(daily.firesEveryDay());
    assertFalse(daily.firesEveryHour());
    assertTrue(daily.firesEveryWeek());
    assertTrue(daily.firesEveryMonth());
    assertEquals(1, daily.runsPerDay());
    assertEquals("0 0 3 * * *", daily.toSixField());
  }

  @Test
  void everyQuarterHourRunsEveryHour() throws LiteralException {
    Cron quarter = cron("*/15 * * * *");
    assertTrue(quarter.firesEveryHour());
    assertTrue(quarter.firesEveryDay());
    assertEquals(96, quarter.runsPerDay());
    assertEquals(set(0, 15, 30, 45), quarter.minutes());
    assertEquals("0 */15 * * * *", quarter.toSixField());
  }

  @Test
  void sundayMidnightRunsEveryWeekButNotEveryDay() throws LiteralException {
    Cron weekly = cron("0 0 * * 0");
    assertTrue(weekly.firesEveryWeek());
    assertFalse(weekly.firesEveryDay());
    assertTrue(weekly.firesEveryMonth());
    assertTrue(weekly.firesOn(LocalDate.of(2025, 6, 1)));
    assertFalse(weekly.firesOn(LocalDate.of(2025, 6, 2)));
  }

  @Test
  void theFirstOfTheMonthRunsEveryMonthButNotEveryWeek() throws LiteralException {
    Cron monthly = cron("0 0 1 * *");
    assertTrue(monthly.firesEveryMonth());
    assertFalse(monthly.firesEveryWeek());
    assertFalse(monthly.firesEveryDay());
  }

  @Test
  void aDayMissingFromSomeMonthsIsNotMonthly() throws LiteralException {
    assertTrue(cron("0 0 28 * *").firesEveryMonth());
    assertFalse(cron("0 0 29 * *").firesEveryMonth());
    assertFalse(cron("0 0 31 * *").firesEveryMonth());
    assertFalse(cron("0 0 * 1-11 *").firesEveryMonth());
    assertTrue(cron("0 0 31 * 1").firesEveryMonth());
  }

  @Test
  void daysOfTheMonthAWeekApartAreWeekly() throws LiteralException {
    assertTrue(cron("0 0 1,8,15,22,29 * *").firesEveryWeek());
    assertFalse(cron("0 0 1,8,15,22 * *").firesEveryWeek());
    assertFalse(cron("0 0 1,9,16,23,30 * *").firesEveryWeek());
    assertTrue(cron("0 0 */2 * *").firesEveryWeek());
    assertFalse(cron("0 0 * 1-11 1").firesEveryWeek());
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekCombineWithOr() throws LiteralException {
    Cron either = cron("0 0 1 * 1");
    assertFalse(either.dayOfMonthStar());
    assertFalse(either.dayOfWeekStar());
    assertTrue(either.firesOn(LocalDate.of(2025, 7, 1)));
    assertTrue(either.firesOn(LocalDate.of(2025, 7, 7)));
    assertFalse(either.firesOn(LocalDate.of(2025, 7, 8)));
    assertTrue(either.firesEveryWeek());
    assertFalse(either.firesEveryDay());
    assertTrue(cron("0 0 1-31 * 1").firesEveryDay());
  }

  @Test
  void aStarOnEitherDayFieldMakesThemCombineWithAnd() throws LiteralException {
    Cron weekdays = cron("0 0 * * 1-5");
    assertTrue(weekdays.dayOfMonthStar());
    assertFalse(weekdays.firesOn(LocalDate.of(2025, 6, 1)));
    Cron everyOtherDay = cron("0 0 */2 * *");
    assertFalse(everyOtherDay.dayOfMonthStar());
    assertTrue(everyOtherDay.dayOfWeekStar());
    assertTrue(everyOtherDay.firesOn(LocalDate.of(2025, 6, 3)));
    assertFalse(everyOtherDay.firesOn(LocalDate.of(2025, 6, 4)));
    assertTrue(cron("0 0 * * 0-6").firesEveryDay());
    assertTrue(cron("0 0 * * */1").dayOfWeekStar());
  }

  @Test
  void expandsItemsRangesStepsAndLists() throws LiteralException {
    Cron c = cron("5/15 9-17 1,15,20-22 */3 1-5");
    assertEquals(set(5, 20, 35, 50), c.minutes());
    assertEquals(range(9, 17), c.hours());
    assertEquals(set(1, 15, 20, 21, 22), c.daysOfMonth());
    assertEquals(set(1, 4, 7, 10), c.months());
    assertEquals(range(1, 5), c.daysOfWeek());
    assertEquals(36, c.runsPerDay());
    assertEquals(set(10, 20, 30, 40), cron("10-40/10 * * * *").minutes());
    assertEquals(range(0, 59), cron("* * * * *").minutes());
  }

  @Test
  void readsNamesInAnyCase() throws LiteralException {
    Cron c = cron("0 0 * jan,Jul MON-fri");
    assertEquals(set(1, 7), c.months());
    assertEquals(range(1, 5), c.daysOfWeek());
    assertEquals(set(0, 6), cron("0 0 * * SAT,SUN").daysOfWeek());
    assertEquals(range(3, 12), cron("0 0 * MAR-DEC *").months());
  }

  @Test
  void sevenIsAlsoSunday() throws LiteralException {
    assertEquals(set(0), cron("0 0 * * 7").daysOfWeek());
    assertEquals(set(0, 5, 6), cron("0 0 * * 5-7").daysOfWeek());
    assertEquals(range(0, 6), cron("0 0 * * 0-7").daysOfWeek());
    assertEquals("0 0 * * 0", cron("0 0 * * 7").normalized());
  }

  @Test
  void allowsAnySpacingBetweenFields() throws LiteralException {
    Cron spaced = cron("  0   3 *\t*  * ");
    assertEquals(cron("0 3 * * *").hours(), spaced.hours());
    assertEquals("  0   3 *\t*  * ", spaced.toString());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "*/15 * * * *|*/15 * * * *",
      "0 0 * * MON-FRI|0 0 * * 1-5",
      "0,30 * * * *|0,30 * * * *",
      "5/15 * * * *|5-50/15 * * * *",
      "0-59 0-23 1-31 1-12 0-6|* * 1-31 * 0-6",
      "0 0 1-31 * 1|0 0 1-31 * 1",
      "0 9-17 * JAN,JUL *|0 9-17 * 1,7 *",
      "0 0 * * 5-7|0 0 * * 0,5-6",
      "0 0 */2 * *|0 0 */2 * *",
      "0 0 2-30/2 * *|0 0 2-30/2 * *",
      "0 0 * */2 *|0 0 * */2 *",
      "1,2,3,10 * * * *|1-3,10 * * * *",
      "0 0 * * */2|0 0 * * */2",
  })
  void normalizesToNumbers(String text, String normalized) throws LiteralException {
    assertEquals(normalized, cron(text).normalized());
    assertEquals("0 " + normalized, cron(text).toSixField());
  }

  @Test
  void doesNotLetTheSetsBeChangedFromOutside() throws LiteralException {
    Cron c = cron("0 3 * * *");
    c.hours().set(4);
    assertEquals(set(3), c.hours());
    BitSet minutes = set(0);
    Cron built = new Cron("0 3 * * *", minutes, set(3), range(1, 31), range(1, 12), range(0, 6), true, true);
    minutes.set(1);
    assertEquals(set(0), built.minutes());
    assertEquals(c, built);
  }

  @Test
  void refusesSetsOutsideTheirField() {
    assertThrows(IllegalArgumentException.class,
        () -> new Cron("x", set(60), set(3), range(1, 31), range(1, 12), range(0, 6), true, true));
    assertThrows(IllegalArgumentException.class,
        () -> new Cron("x", set(0), set(3), range(0, 31), range(1, 12), range(0, 6), true, true));
    assertThrows(IllegalArgumentException.class,
        () -> new Cron("x", set(0), set(3), range(1, 31), range(1, 12), set(7), true, true));
    assertThrows(IllegalArgumentException.class,
        () -> new Cron("x", set(0), new BitSet(), range(1, 31), range(1, 12), range(0, 6), true, true));
  }
}
