package dev.clusterc.cli.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code clusterc COMMAND DIR} as whole processes the way a user's shell does, so that the bench
 * measures what users get: through the {@code ./clusterc} launcher that started this bench (same java,
 * flags and class archive), or, when the bench was not started by it, this JVM's java and flags.
 *
 * <p>Peak memory is the child's maximum resident set size as {@code /usr/bin/time} reports it; where
 * that program is missing, memory is not measured (shown as "-"), never guessed.
 */
final class WholeProcess {
  private static final Path TIME = Path.of("/usr/bin/time");

  /** One measured command: the median wall time and the median peak RSS (negative when unknown). */
  record Figures(double ms, double peakMb) {}

  private final List<String> prefix;
  private final String description;

  private WholeProcess(List<String> prefix, String description) {
    this.prefix = prefix;
    this.description = description;
  }

  /**
   * The launcher named by {@code CLUSTERC_LAUNCHER} (which {@code ./clusterc} exports) when it is
   * executable, else this JVM; {@code launcher} given on the command line wins over both.
   */
  static WholeProcess of(Path launcher, Map<String, String> env) {
    if (launcher == null && env.get("CLUSTERC_LAUNCHER") != null) {
      launcher = Path.of(env.get("CLUSTERC_LAUNCHER"));
    }
    if (launcher != null) {
      // The java command line is known only for the launcher that started this bench.
      boolean ours = launcher.toString().equals(env.get("CLUSTERC_LAUNCHER"));
      String jvm = ours ? env.getOrDefault("CLUSTERC_JVM_COMMAND", "") : "";
      return new WholeProcess(List.of(launcher.toString()), launcher + (jvm.isEmpty() ? "" : " (" + jvm + ")"));
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!argument.startsWith("-agentlib") && !argument.startsWith("-javaagent")) {
        command.add(argument);
      }
    }
    command.addAll(List.of("-cp", classPath(), "dev.clusterc.cli.Main"));
    return new WholeProcess(List.copyOf(command), String.join(" ", command) + " (not started by ./clusterc)");
  }

  /** What is run, for the table's header: the launcher and the java command line it runs. */
  String description() {
    return description;
  }

  /** The command line that runs {@code clusterc arguments…} this way. */
  List<String> command(String... arguments) {
    List<String> line = new ArrayList<>(prefix);
    line.addAll(List.of(arguments));
    return line;
  }

  boolean measuresMemory() {
    return Files.isExecutable(TIME);
  }

  /** Medians over {@code runs} runs of {@code clusterc command dir}; its output is discarded. */
  Figures measure(String command, Path dir, int runs) throws IOException, InterruptedException {
    double[] times = new double[runs];
    double[] peaks = new double[runs];
    Path report = Files.createTempFile("clusterc-bench-rss", ".txt");
    try {
      for (int i = 0; i < runs; i++) {
        List<String> line = new ArrayList<>();
        if (measuresMemory()) {
          line.addAll(List.of(TIME.toString(), "-f", "%M", "-o", report.toString()));
        }
        line.addAll(prefix);
        line.addAll(List.of(command, dir.toString()));
        ProcessBuilder builder = new ProcessBuilder(line)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        // Measure the jar as it is: a bench never starts a build.
        builder.environment().put("CLUSTERC_SKIP_BUILD", "1");
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
          process.destroyForcibly();
          throw new IllegalStateException("clusterc " + command + " " + dir + " failed in a child process: "
              + String.join(" ", line));
        }
        times[i] = (System.nanoTime() - start) / 1e6;
        peaks[i] = measuresMemory() ? kilobytes(report) / 1024.0 : -1;
      }
    } finally {
      Files.deleteIfExists(report);
    }
    return new Figures(median(times), median(peaks));
  }

  /** The last line of /usr/bin/time's report: the peak RSS in KiB. */
  private static double kilobytes(Path report) throws IOException {
    List<String> lines = Files.readAllLines(report);
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
    try {
      return Double.parseDouble(last);
    } catch (NumberFormatException e) {
      return -1024;
    }
  }

  private static String classPath() {
    try {
      return new File(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath()
          + File.pathSeparator + System.getProperty("java.class.path");
    } catch (URISyntaxException e) {
      return System.getProperty("java.class.path");
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
