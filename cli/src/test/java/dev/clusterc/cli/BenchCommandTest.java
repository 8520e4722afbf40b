package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark runs through on a small cluster: its generated sources check and compile. */
class BenchCommandTest {
  @Test
  void aSmallRunPrintsOneRowPerSize() {
    Cli.Result result = Cli.run("bench", "--apps", "5,10", "--files", "2", "--runs", "1", "--process-runs", "0");
    assertEquals(0, result.exit(), result::toString);
    assertEquals("", result.err(), result::toString);
    long rows = result.out().lines().filter(line -> line.matches("\\s+(5|10)\\s+[0-9].*")).count();
    assertEquals(2, rows, result::toString);
    assertTrue(result.out().contains("compile ms"), result::toString);
  }
}
