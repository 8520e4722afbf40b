package dev.clusterc.compiler.types;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One of the five fields of a {@link Cron} schedule, which knows its range and names so that an error
 * can say which field is wrong and what it accepts.
 *
 * <p>A field is a comma list of items; an item is {@code *}, a value, or a range {@code a-b},
 * optionally followed by a step {@code /n}. {@code a/n} runs from {@code a} to the end of the field.
 * A value is a number or, in the month and day-of-week fields, a three-letter name. Day-of-week 7 is
 * stored as 0 (both are Sunday).
 */
enum CronField {
  MINUTE("minute", 0, 59, 59, "hour", List.of()),
  HOUR("hour", 0, 23, 23, "day", List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, 31, "month", List.of()),
  MONTH("month", 1, 12, 12, "year",
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  DAY_OF_WEEK("day-of-week", 0, 7, 6, "week", List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  final String label;
  final int min;
  /** The largest value that may be written. */
  final int max;
  /** The end of {@code *} and {@code a/n}: 6 for day-of-week, where 7 repeats Sunday. */
  final int last;
  private final String period;
  private final List<String> names;

  CronField(String label, int min, int max, int last, String period, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.last = last;
    this.period = period;
    this.names = names;
  }

  /** The number of distinct values the field can hold. */
  int size() {
    return last - min + 1;
  }

  /**
   * Whether the field is written as "any value", which decides how day-of-month and day-of-week
   * combine: {@code *} (or <code>*&#47;1</code>) anywhere in the list, as in the cron Kubernetes runs.
   */
  static boolean isStar(String text) {
    for (String item : text.split(",", -1)) {
      if (item.equals("*") || item.equals("*/1")) {
        return true;
      }
    }
    return false;
  }

  /** The set of values {@code text} selects. */
  BitSet parse(String text) throws LiteralException {
    BitSet values = new BitSet();
    for (String item : text.split(",", -1)) {
      if (item.isEmpty()) {
        throw error("the " + label + " field `" + text + "` has an empty item", "separate the values with single commas, such as `1,15`");
      }
      item(item, values);
    }
    return values;
  }

  private void item(String item, BitSet values) throws LiteralException {
    int slash = item.indexOf('/');
    String base = slash < 0 ? item : item.substring(0, slash);
    int from;
    int to;
    if (base.equals("*")) {
      from = min;
      to = last;
    } else if (base.contains("*")) {
      throw error("the " + label + " field `" + item + "` is not valid", "`*` stands alone: write `*`, `*/15` or a range such as `" + example() + "`");
    } else {
      int dash = base.indexOf('-');
      if (dash < 0) {
        from = value(base);
        to = slash < 0 ? from : last;
      } else {
        String low = base.substring(0, dash);
        String high = base.substring(dash + 1);
        if (low.isEmpty() || high.isEmpty() || high.contains("-")) {
          throw error("the " + label + " field range `" + base + "` is incomplete", "write a range as two values, such as `" + example() + "`");
        }
        from = value(low);
        to = value(high);
        if (to < from) {
          throw error("the " + label + " field range `" + base + "` is backwards", backwardsHint(low, from, to));
        }
      }
    }
    int step = slash < 0 ? 1 : step(item, item.substring(slash + 1), from);
    for (int v = from; v <= to; v += step) {
      values.set(this == DAY_OF_WEEK && v == 7 ? 0 : v);
    }
  }

  private String backwardsHint(String low, int from, int to) {
    if (this == DAY_OF_WEEK && to == 0) {
      return "write `" + low + "-7`; 7 is also Sunday";
    }
    return "write `" + to + "-" + from + "`, or `" + from + "-" + last + "," + min + "-" + to + "` to wrap around";
  }

  private int step(String item, String text, int from) throws LiteralException {
    if (text.isEmpty()) {
      throw error("the " + label + " field `" + item + "` has an empty step", "write a number after the `/`, such as `*/15`");
    }
    if (text.contains("/")) {
      throw error("the " + label + " field `" + item + "` has more than one `/`", "write one step, such as `*/15`");
    }
    if (!isNumber(text)) {
      throw error("the " + label + " field step `" + text + "` in `" + item + "` is not a number", "write a number after the `/`, such as `*/15`");
    }
    int step = text.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(text);
    if (step == 0) {
      throw error("the " + label + " field step `" + text + "` in `" + item + "` must be at least 1", null);
    }
    if (step > last - min) {
      throw error("the " + label + " field step `" + text + "` in `" + item + "` is larger than the field's range " + min + "–" + last,
          "a step does not carry over into the next " + period + ", so `" + item + "` would run only at " + label + " " + from
              + "; list the values instead");
    }
    return step;
  }

  private int value(String text) throws LiteralException {
    if (isNumber(text)) {
      int value = text.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(text);
      if (value < min || value > max) {
        throw error("the " + label + " field `" + text + "` is out of range " + min + "–" + max, null);
      }
      return value;
    }
    String upper = text.toUpperCase(Locale.ROOT);
    if (names.contains(upper)) {
      return names.indexOf(upper) + min;
    }
    if (names.isEmpty()) {
      String hint = text.equals("?") ? "write `*`" : "write `*`, a number " + min + "–" + max + ", a range such as `" + example() + "` or a step such as `*/15`";
      throw error("the " + label + " field `" + text + "` is not a number", hint);
    }
    String kind = this == MONTH ? "month" : "day";
    String hint = upper.length() > 3 && names.contains(upper.substring(0, 3))
        ? "write `" + upper.substring(0, 3) + "`"
        : text.equals("?") ? "write `*`" : "write a number " + min + "–" + max + " or a name " + names.get(0) + "–" + names.get(names.size() - 1);
    throw error("the " + label + " field `" + text + "` is not a " + kind + " number or name", hint);
  }

  private static boolean isNumber(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private String example() {
    return this == DAY_OF_WEEK ? "1-5" : min + "-" + (min + 4);
  }

  private static LiteralException error(String message, String hint) {
    return new LiteralException(message, hint);
  }

  /**
   * The shortest usual way to write {@code values}: {@code *} when written as any value, <code>*&#47;n</code>
   * or {@code a-b/n} for a step, otherwise a list of values and ranges, all in numbers.
   */
  String render(BitSet values, boolean star) {
    if (star) {
      return "*";
    }
    List<Integer> list = values.stream().boxed().toList();
    if (list.size() >= 3) {
      int step = list.get(1) - list.get(0);
      boolean even = step > 1;
      for (int k = 2; k < list.size() && even; k++) {
        even = list.get(k) - list.get(k - 1) == step;
      }
      int first = list.get(0);
      int end = list.get(list.size() - 1);
      if (even) {
        return (first == min && end + step > last ? "*" : first + "-" + end) + "/" + step;
      }
    }
    List<String> parts = new ArrayList<>();
    for (int start = values.nextSetBit(0); start >= 0; ) {
      int stop = values.nextClearBit(start) - 1;
      parts.add(start == stop ? String.valueOf(start) : start + "-" + stop);
      start = values.nextSetBit(stop + 1);
    }
    return String.join(",", parts);
  }
}
