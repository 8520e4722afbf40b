package dev.clusterc.compiler.types;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A standard five-field cron schedule (minute hour day-of-month month day-of-week), expanded into the
 * sets of values it selects so that checks can ask how often it runs without simulating a calendar.
 *
 * <p>The text follows {@link CronField}; fields are separated by spaces. Macros such as
 * {@code @daily} and a leading seconds field are not accepted: there is one way to write a schedule,
 * and {@link #toSixField()} adds the seconds for the tools that want them.
 *
 * <p>Days follow the cron Kubernetes runs (robfig/cron, also used by CloudNativePG): when
 * day-of-month and day-of-week are both restricted, a day matches if <em>either</em> matches; when
 * either is {@code *}, a day matches if both do. <code>*&#47;2</code> is restricted, {@code *} is not.
 *
 * @param text the schedule as written
 * @param minutes the minutes it runs at, 0–59
 * @param hours the hours it runs at, 0–23
 * @param daysOfMonth the days of the month, 1–31
 * @param months the months, 1–12
 * @param daysOfWeek the days of the week, 0–6 with 0 for Sunday
 * @param dayOfMonthStar whether day-of-month was written as {@code *}
 * @param dayOfWeekStar whether day-of-week was written as {@code *}
 */
public record Cron(
    String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek,
    boolean dayOfMonthStar, boolean dayOfWeekStar) {

  private static final String FIELDS = "minute hour day-of-month month day-of-week";

  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

  public Cron {
    Objects.requireNonNull(text, "text");
    minutes = (BitSet) minutes.clone();
    hours = (BitSet) hours.clone();
    daysOfMonth = (BitSet) daysOfMonth.clone();
    months = (BitSet) months.clone();
    daysOfWeek = (BitSet) daysOfWeek.clone();
    List<BitSet> sets = List.of(minutes, hours, daysOfMonth, months, daysOfWeek);
    for (CronField field : CronField.values()) {
      BitSet set = sets.get(field.ordinal());
      if (set.isEmpty() || set.nextSetBit(0) < field.min || set.length() - 1 > field.last) {
        throw new IllegalArgumentException(field.label + " values out of range " + field.min + "-" + field.last + ": " + set);
      }
    }
  }

  /**
   * Reads a five-field schedule such as {@code 0 3 * * *} or <code>*&#47;15 9-17 * * MON-FRI</code>.
   *
   * @throws LiteralException naming the wrong field and value, or the wrong number of fields
   */
  public static Cron parse(String text) throws LiteralException {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new LiteralException("expected a cron schedule of 5 fields (" + FIELDS + "), found nothing",
          "write a schedule such as `0 3 * * *` (every day at 03:00)");
    }
    if (trimmed.startsWith("@")) {
      String macro = trimmed.split("\\s+")[0];
      String written = MACROS.get(macro.toLowerCase(java.util.Locale.ROOT));
      throw new LiteralException("`" + macro + "` is not supported; expected 5 fields (" + FIELDS + ")",
          written != null ? "write `" + written + "`" : "write the 5-field form, such as `0 3 * * *` (every day at 03:00)");
    }
    String[] fields = trimmed.split("\\s+");
    if (fields.length != 5) {
      throw new LiteralException("expected 5 fields (" + FIELDS + "), found " + fields.length, countHint(fields));
    }
    CronField[] kinds = CronField.values();
    BitSet[] sets = new BitSet[5];
    for (int i = 0; i < 5; i++) {
      sets[i] = kinds[i].parse(fields[i]);
    }
    return new Cron(text, sets[0], sets[1], sets[2], sets[3], sets[4],
        CronField.isStar(fields[2]), CronField.isStar(fields[4]));
  }

  private static String countHint(String[] fields) {
    if (fields.length == 6 || fields.length == 7) {
      String extra = fields.length == 6 ? "a seconds field is" : "seconds and year fields are";
      return extra + " not supported, nor are `@daily`-style macros; write the 5-field form `"
          + String.join(" ", Arrays.copyOfRange(fields, 1, 6)) + "`";
    }
    if (fields.length < 5) {
      return "write all five fields, with `*` for any value, such as `0 3 * * *` (every day at 03:00)";
    }
    return "write the 5-field form, such as `0 3 * * *`; seconds fields and `@daily`-style macros are not supported";
  }

  @Override
  public BitSet minutes() {
    return (BitSet) minutes.clone();
  }

  @Override
  public BitSet hours() {
    return (BitSet) hours.clone();
  }

  @Override
  public BitSet daysOfMonth() {
    return (BitSet) daysOfMonth.clone();
  }

  @Override
  public BitSet months() {
    return (BitSet) months.clone();
  }

  @Override
  public BitSet daysOfWeek() {
    return (BitSet) daysOfWeek.clone();
  }

  /** Whether the schedule runs on {@code date}, at some time of that day. */
  public boolean firesOn(LocalDate date) {
    if (!months.get(date.getMonthValue())) {
      return false;
    }
    boolean dayOfMonth = daysOfMonth.get(date.getDayOfMonth());
    boolean dayOfWeek = daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
    return bothDaysMustMatch() ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
  }

  private boolean bothDaysMustMatch() {
    return dayOfMonthStar || dayOfWeekStar;
  }

  private static boolean full(BitSet set, CronField field) {
    return set.cardinality() == field.size();
  }

  /** Whether it runs at least once in every hour of every day. */
  public boolean firesEveryHour() {
    return firesEveryDay() && full(hours, CronField.HOUR);
  }

  /** Whether it runs at least once on every day. */
  public boolean firesEveryDay() {
    boolean allMonthDays = full(daysOfMonth, CronField.DAY_OF_MONTH);
    boolean allWeekDays = full(daysOfWeek, CronField.DAY_OF_WEEK);
    return full(months, CronField.MONTH) && (bothDaysMustMatch() ? allMonthDays && allWeekDays : allMonthDays || allWeekDays);
  }

  /**
   * Whether it runs at least once in any seven consecutive days: on a weekday in every month, or on
   * days of the month never more than a week apart (across month ends of 28 to 31 days too).
   */
  public boolean firesEveryWeek() {
    if (!full(months, CronField.MONTH)) {
      return false;
    }
    if (!bothDaysMustMatch() || full(daysOfMonth, CronField.DAY_OF_MONTH)) {
      return true;
    }
    int first = daysOfMonth.nextSetBit(1);
    for (int day = first, next = daysOfMonth.nextSetBit(day + 1); next >= 0; day = next, next = daysOfMonth.nextSetBit(day + 1)) {
      if (next - day > 7) {
        return false;
      }
    }
    for (int length = 28; length <= 31; length++) {
      int last = daysOfMonth.previousSetBit(length);
      if (last < 0 || length - last + first > 7) {
        return false;
      }
    }
    return true;
  }

  /** Whether it runs at least once in every month, February of a common year included. */
  public boolean firesEveryMonth() {
    return full(months, CronField.MONTH) && (!bothDaysMustMatch() || daysOfMonth.nextSetBit(1) <= 28);
  }

  /** How many times it runs on a day it runs at all. */
  public int runsPerDay() {
    return minutes.cardinality() * hours.cardinality();
  }

  /** The five fields in numbers, with steps and ranges where they are shorter: {@code 0 3 * * 1-5}. */
  public String normalized() {
    List<BitSet> sets = List.of(minutes, hours, daysOfMonth, months, daysOfWeek);
    StringBuilder out = new StringBuilder();
    for (CronField field : CronField.values()) {
      boolean star = field == CronField.DAY_OF_MONTH ? dayOfMonthStar
          : field == CronField.DAY_OF_WEEK ? dayOfWeekStar : full(sets.get(field.ordinal()), field);
      out.append(out.length() == 0 ? "" : " ").append(field.render(sets.get(field.ordinal()), star));
    }
    return out.toString();
  }

  /** The six-field form with a leading seconds field of 0, as CloudNativePG's backup schedule wants. */
  public String toSixField() {
    return "0 " + normalized();
  }

  /** The schedule as written. */
  @Override
  public String toString() {
    return text;
  }
}
