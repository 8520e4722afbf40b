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
 * The memory of another JVM, for the language-server bench: its heap in use after a full collection
 * ({@code jcmd PID GC.run}, then {@code GC.heap_info}, with the {@code jcmd} beside that process's own
 * java) and its resident set ({@code VmRSS} of {@code /proc/PID/status}). Either is negative when it
 * cannot be had (no jcmd, not Linux): shown as unknown, never guessed.
 */
final class ServerMemory {
  /** One generation's line of {@code GC.heap_info}: {@code def new generation   total 9792K, used 1234K}. */
  private static final Pattern USED = Pattern.compile("^\\s*(\\S.*?)\\s+total \\d+K, used (\\d+)K");

  /** What was measured: MiB, negative when unknown. */
  record Sample(double heapMb, double rssMb) {}

  private final long pid;
  private final Path jcmd;

  ServerMemory(long pid) {
    this.pid = pid;
    this.jcmd = ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(Path::of)
        .map(java -> java.resolveSibling("jcmd")).filter(Files::isExecutable).orElse(null);
  }

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
