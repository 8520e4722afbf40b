package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./clusterc bench} started by the launcher measures whole processes as the launcher runs them:
 * it names the launcher and its java command line (C1 only, Serial GC), and prints time and, where
 * {@code /usr/bin/time} exists, peak memory for each. Figures are printed, never judged.
 */
class BenchLauncherIT {
  private static final Path LAUNCHER = Cli.repo().resolve("clusterc");

  @Test
  void wholeProcessFiguresAreTheLaunchersOwn() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of(LAUNCHER.toString(), "bench", "--apps", "5", "--files", "2",
        "--runs", "1", "--process-runs", "1"));
    builder.environment().put("CLUSTERC_SKIP_BUILD", "1");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the bench finishes");
    assertEquals(0, process.exitValue(), out);

    Matcher header = Pattern.compile("(?m)^whole process: (\\S+) \\((.*)\\)$").matcher(out);
    assertTrue(header.find(), out);
    assertEquals(LAUNCHER.toString(), header.group(1));
    assertTrue(header.group(2).contains("-XX:TieredStopAtLevel=1"), header.group(2));
    assertTrue(header.group(2).contains("-XX:+UseSerialGC"), header.group(2));

    String row = out.lines().filter(line -> line.matches("\\s+5\\s+.*")).findFirst().orElseThrow(() ->
        new AssertionError("no row for 5 apps in\n" + out));
    String[] cells = row.trim().split("\\s+");
    assertEquals(11, cells.length, row);
    String memory = Files.isExecutable(Path.of("/usr/bin/time")) ? "[0-9]+" : "-";
    assertTrue(cells[6].matches("[0-9]+"), "check proc ms: " + row);
    assertTrue(cells[7].matches(memory), "check proc MB: " + row);
    assertTrue(cells[9].matches("[0-9]+"), "compile proc ms: " + row);
    assertTrue(cells[10].matches(memory), "compile proc MB: " + row);
  }
}
