package dev.clusterc.cli.run;

import dev.clusterc.runtime.model.Change;
import java.time.Duration;
import java.util.Locale;

/** How the run views write a change and a duration for people. */
public final class Words {
  private Words() {}

  public static String change(Change change) {
    return change.name().toLowerCase(Locale.ROOT);
  }

  /** {@code 850ms}, {@code 4.2s}, {@code 1m05s}, {@code 1h02m}. */
  public static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = ms / 1000;
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
