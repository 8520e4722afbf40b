package dev.clusterc.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What another JVM uses, for the language-server bench: the CPU time of all its threads so far
 * ({@code utime + stime} of {@code /proc/PID/stat}), which says what the work costs however loaded the
 * machine is; its heap in use after a full collection ({@code jcmd PID GC.run}, then {@code GC.heap_info},
 * with the {@code jcmd} beside that process's own java); and its resident set ({@code VmRSS} of
 * {@code /proc/PID/status}). Each is negative when it cannot be had (no jcmd, not Linux): shown as
 * unknown, never guessed.
 */
final class ServerUsage {
  /** The kernel's clock ticks per second for {@code /proc/PID/stat} (USER_HZ, 100 on every Linux we run on). */
  private static final double TICKS_PER_SECOND = 100;

  /** One generation's line of {@code GC.heap_info}: {@code def new generation   total 9792K, used 1234K}. */
  private static final Pattern USED = Pattern.compile("^\\s*(\\S.*?)\\s+total \\d+K, used (\\d+)K");

  /** What was measured: MiB, negative when unknown. */
  record Sample(double heapMb, double rssMb) {}

  private final long pid;
  private final Path jcmd;

  ServerUsage(long pid) {
    this.pid = pid;
    this.jcmd = ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(Path::of)
        .map(java -> java.resolveSibling("jcmd")).filter(Files::isExecutable).orElse(null);
  }

  /** CPU time of the process so far, all threads (compilers and collector too), in ms; negative off Linux. */
  double cpuMs() {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The heap after a full collection and the resident set now. */
  Sample sample() {
    return new Sample(heapAfterGc(), rss());
  }

  private double heapAfterGc() {
    if (jcmd == null || run("GC.run") == null) {
      return -1;
    }
    String info = run("GC.heap_info");
    if (info == null) {
      return -1;
    }
    long kb = 0;
    boolean found = false;
    for (String line : info.lines().toList()) {
      Matcher matcher = USED.matcher(line);
      if (matcher.find() && !matcher.group(1).contains("Metaspace") && !matcher.group(1).contains("class space")) {
        kb += Long.parseLong(matcher.group(2));
        found = true;
      }
    }
    return found ? kb / 1024.0 : -1;
  }

  private double rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  /** {@code jcmd PID COMMAND}'s output, or null when it fails. */
  private String run(String command) {
    try {
      Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
          .redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return null;
      }
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
