package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RetentionCheckerTest {
  private static final RetentionChecker CHECKER = new RetentionChecker();

  /** A backup on line 8, its keep on line 10 ({@code  keep     { } puts the first key at column 14). */
  private static String backup(String schedule, String keep) {
    return BASE + "backup nightly {\n  schedule \"" + schedule + "\"\n  keep     { " + keep + " }\n"
        + "  target   \"nfs://nas.example.org/backups\"\n}\n";
  }

  @Test
  void hourlyKeepsOnADailySchedule() {
    assertEquals("""
        10:14: warning[backup-retention]: backup nightly keeps 24 hourly copies, but its schedule `0 3 * * *` does not run every hour
          hint: drop `hourly`, or run it every hour (e.g. `0 * * * *`)
          note 9:12: scheduled here""", CheckerHarness.detailed(CHECKER, backup("0 3 * * *", "hourly: 24, daily: 7")));
  }

  @Test
  void hourlyKeepsOnAnHourlySchedule() {
    assertEquals("", CheckerHarness.run(CHECKER, backup("0 * * * *", "hourly: 24, daily: 7")));
    assertEquals("", CheckerHarness.run(CHECKER, backup("*/15 * * * *", "hourly: 24")));
  }

  @Test
  void dailyKeepsOnAWeeklySchedule() {
    assertEquals("10:14: warning[backup-retention]: backup nightly keeps 7 daily copies, but its schedule `0 3 * * 0` does not run every day",
        CheckerHarness.run(CHECKER, backup("0 3 * * 0", "daily: 7, weekly: 4")));
  }

  @Test
  void dailyAndWeeklyKeepsOnAMonthlySchedule() {
    assertEquals("""
        10:14: warning[backup-retention]: backup nightly keeps 7 daily copies, but its schedule `0 3 1 * *` does not run every day
        10:24: warning[backup-retention]: backup nightly keeps 4 weekly copies, but its schedule `0 3 1 * *` does not run every week""",
        CheckerHarness.run(CHECKER, backup("0 3 1 * *", "daily: 7, weekly: 4, monthly: 12")));
  }

  @Test
  void monthlyKeepsOnAYearlySchedule() {
    assertEquals("10:14: warning[backup-retention]: backup nightly keeps 12 monthly copies, but its schedule `0 3 1 1 *` does not run every month",
        CheckerHarness.run(CHECKER, backup("0 3 1 1 *", "monthly: 12")));
  }

  @Test
  void aZeroCountNeedsNothingFromTheSchedule() {
    assertEquals("", CheckerHarness.run(CHECKER, backup("0 3 * * *", "hourly: 0, daily: 7, weekly: 4, monthly: 6")));
  }

  @Test
  void aKeepOfZeros() {
    assertEquals("""
        10:3: warning[backup-retention]: backup nightly keeps nothing: every count in `keep` is 0
          hint: keep at least one copy, e.g. `keep { daily: 7, weekly: 4 }`""",
        CheckerHarness.detailed(CHECKER, backup("0 3 * * *", "daily: 0, weekly: 0")));
  }

  @Test
  void anEmptyKeep() {
    assertEquals("10:3: warning[backup-retention]: backup nightly keeps nothing: `keep` is empty",
        CheckerHarness.run(CHECKER, backup("0 3 * * *", "")));
  }

  @Test
  void noKeepAtAll() {
    assertEquals("8:8: warning[backup-retention]: backup nightly has no `keep`: it keeps nothing", CheckerHarness.run(CHECKER,
        BASE + "backup nightly { schedule \"0 3 * * *\"; target \"nfs://nas.example.org/backups\" }\n"));
  }

  @Test
  void aMalformedScheduleIsLeftToTheLiteralChecks() {
    assertEquals("", CheckerHarness.run(CHECKER, backup("0 0 3 * * *", "hourly: 24")));
  }

  @Test
  void aKeepOfZerosIsReportedWhateverTheSchedule() {
    assertEquals("10:3: warning[backup-retention]: backup nightly keeps nothing: every count in `keep` is 0",
        CheckerHarness.run(CHECKER, backup("every night", "daily: 0")));
  }
}
