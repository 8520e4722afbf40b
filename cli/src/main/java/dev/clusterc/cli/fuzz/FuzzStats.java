package dev.clusterc.cli.fuzz;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of a fuzz run: inputs per outcome, and each distinct failure signature with how often it
 * came, its first input and where its reproducer was saved. Shared by the jobs, hence synchronized.
 */
final class FuzzStats {
  /** One distinct failure. */
  static final class Finding {
    final Outcome outcome;
    final String signature;
    final String firstInput;
    long count;
    String reproducer;

    Finding(Outcome outcome, String signature, String firstInput) {
      this.outcome = outcome;
      this.signature = signature;
      this.firstInput = firstInput;
    }
  }

  private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final long startNanos = System.nanoTime();
  private final long startCpuNanos = cpuNanos();
  private long inputs;
  private long slowestMillis = -1;
  private String slowest;

  /** Records a verdict; the finding when it is a failure (its count already raised). */
  synchronized Finding add(FuzzInput input, Verdict verdict, long millis) {
    inputs++;
    if (millis > slowestMillis) {
      slowestMillis = millis;
      slowest = input.describe();
    }
    counts.merge(verdict.outcome(), 1L, Long::sum);
    if (!verdict.outcome().failure()) {
      return null;
    }
    Finding finding = findings.computeIfAbsent(verdict.signature(), s -> new Finding(verdict.outcome(), s, input.describe()));
    finding.count++;
    return finding;
  }

  synchronized long inputs() {
    return inputs;
  }

  synchronized long failures() {
    return counts.entrySet().stream().filter(e -> e.getKey().failure()).mapToLong(Map.Entry::getValue).sum();
  }

  synchronized Map<String, Finding> findings() {
    return new LinkedHashMap<>(findings);
  }

  synchronized double inputsPerSecond() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    return seconds <= 0 ? 0 : inputs / seconds;
  }

  /** One line: inputs, rate, and the count of every outcome seen. */
  synchronized String line() {
    double cpuSeconds = (cpuNanos() - startCpuNanos) / 1e9;
    StringBuilder out = new StringBuilder(String.format("%d inputs, %.1f inputs/s (%.1f per CPU-second):", inputs,
        inputsPerSecond(), cpuSeconds <= 0 ? 0 : inputs / cpuSeconds));
    counts.forEach((outcome, count) -> out.append(' ').append(outcome.name().toLowerCase()).append(' ').append(count));
    return out.toString();
  }

  /** CPU time of the whole process: on a shared machine, a steadier measure than the wall clock. */
  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  synchronized void print(PrintWriter out) {
    out.println(line());
    if (slowest != null) {
      out.printf("slowest input: %d ms, %s%n", slowestMillis, slowest);
    }
    out.printf("failures: %d in %d distinct signatures%n", failures(), findings.size());
    for (Finding finding : findings.values()) {
      out.printf("  %6d  %s%n          first: %s%n", finding.count, finding.signature, finding.firstInput);
      if (finding.reproducer != null) {
        out.printf("          saved: %s%n", finding.reproducer);
      }
    }
    out.flush();
  }
}
