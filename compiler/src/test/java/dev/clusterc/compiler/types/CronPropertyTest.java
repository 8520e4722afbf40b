package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.BitSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Checks the closed-form answers of {@link Cron} against a calendar: every day of a 400-year
 * Gregorian cycle, after which dates, weekdays and leap years repeat exactly.
 */
class CronPropertyTest {
  private static final LocalDate START = LocalDate.of(2000, 1, 1);
  private static final int CYCLE_DAYS = 146_097;
  private static final LocalDate[] DAYS = new LocalDate[CYCLE_DAYS];

  static {
    for (int i = 0; i < CYCLE_DAYS; i++) {
      DAYS[i] = START.plusDays(i);
    }
  }

  @Provide
  Arbitrary<String> schedules() {
    Arbitrary<String> minute = field("0", "*/15", "5/20", "0,30", "*", "10-20");
    Arbitrary<String> hour = field("3", "*", "*/6", "9-17", "22,23,0");
    Arbitrary<String> dayOfMonth = field("*", "*", "1", "28", "29", "31", "1,15", "*/2", "*/7", "1,8,15,22,29",
        "1,8,15,22", "1,9,16,23,30", "1,8,16,23,30", "1-31", "2-31", "5-11", "3,10,17,24,30", "1-7,8-14,15-21,22-28,29-31", "24-31");
    Arbitrary<String> month = field("*", "*", "*", "1-12", "JAN-NOV", "*/2", "2");
    Arbitrary<String> dayOfWeek = field("*", "*", "0", "7", "1-5", "0-6", "1-7", "*/2", "SAT,SUN", "MON");
    return Combinators.combine(minute, hour, dayOfMonth, month, dayOfWeek).as((a, b, c, d, e) -> a + " " + b + " " + c + " " + d + " " + e);
  }

  private static Arbitrary<String> field(String... choices) {
    return Arbitraries.of(choices);
  }

  @Property(tries = 150)
  void firesEveryDayMatchesTheCalendar(@ForAll("schedules") String text) throws LiteralException {
    Cron cron = Cron.parse(text);
    boolean every = true;
    for (LocalDate day : DAYS) {
      every &= cron.firesOn(day);
    }
    assertEquals(every, cron.firesEveryDay(), text);
    assertEquals(every && cron.hours().cardinality() == 24, cron.firesEveryHour(), text);
  }

  @Property(tries = 150)
  void firesEveryWeekMeansNoSevenDaysWithoutARun(@ForAll("schedules") String text) throws LiteralException {
    Cron cron = Cron.parse(text);
    int longestGap = 0;
    int gap = 0;
    for (int i = 0; i < 2 * CYCLE_DAYS && gap < 7; i++) {
      gap = cron.firesOn(DAYS[i % CYCLE_DAYS]) ? 0 : gap + 1;
      longestGap = Math.max(longestGap, gap);
    }
    assertEquals(longestGap < 7, cron.firesEveryWeek(), text);
  }

  @Property(tries = 150)
  void firesEveryMonthMatchesTheCalendar(@ForAll("schedules") String text) throws LiteralException {
    Cron cron = Cron.parse(text);
    boolean every = true;
    for (YearMonth month = YearMonth.of(2000, 1); every && month.getYear() < 2400; month = month.plusMonths(1)) {
      boolean fires = false;
      for (int day = 1; !fires && day <= month.lengthOfMonth(); day++) {
        fires = cron.firesOn(month.atDay(day));
      }
      every = fires;
    }
    assertEquals(every, cron.firesEveryMonth(), text);
  }

  @Property
  void theNormalizedFormMeansTheSame(@ForAll("schedules") String text) throws LiteralException {
    Cron cron = Cron.parse(text);
    Cron again = Cron.parse(cron.normalized());
    assertEquals(cron.minutes(), again.minutes());
    assertEquals(cron.hours(), again.hours());
    assertEquals(cron.daysOfMonth(), again.daysOfMonth());
    assertEquals(cron.months(), again.months());
    assertEquals(cron.daysOfWeek(), again.daysOfWeek());
    assertEquals(cron.dayOfMonthStar(), again.dayOfMonthStar());
    assertEquals(cron.dayOfWeekStar(), again.dayOfWeekStar());
    assertEquals(cron.normalized(), again.normalized());
    assertEquals("0 " + cron.normalized(), cron.toSixField());
  }

  @Property
  void anyListOfMinutesAndHoursNormalizesToTheSameSets(
      @ForAll("minuteSets") BitSet minutes, @ForAll("hourSets") BitSet hours) throws LiteralException {
    String text = list(minutes) + " " + list(hours) + " * * *";
    Cron cron = Cron.parse(text);
    assertEquals(minutes, cron.minutes());
    assertEquals(hours, cron.hours());
    assertEquals(minutes.cardinality() * hours.cardinality(), cron.runsPerDay());
    Cron again = Cron.parse(cron.normalized());
    assertEquals(minutes, again.minutes());
    assertEquals(hours, again.hours());
  }

  @Provide
  Arbitrary<BitSet> minuteSets() {
    return sets(59);
  }

  @Provide
  Arbitrary<BitSet> hourSets() {
    return sets(23);
  }

  private static Arbitrary<BitSet> sets(int max) {
    return Arbitraries.integers().between(0, max).set().ofMinSize(1).ofMaxSize(max + 1).map(values -> {
      BitSet set = new BitSet();
      values.forEach(set::set);
      return set;
    });
  }

  private static String list(BitSet set) {
    return set.stream().mapToObj(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
  }

  @Property
  void failsOnlyWithALiteralException(@ForAll("cronLike") String text) {
    try {
      Cron.parse(text);
    } catch (LiteralException e) {
      assertTrue(text.isBlank() || e.message().contains("`") || e.message().startsWith("expected 5 fields"), e.message());
    }
  }

  @Provide
  Arbitrary<String> cronLike() {
    return Arbitraries.strings().withChars("0123456789*/-, ?@LJANMONsun").ofMaxLength(24);
  }
}
