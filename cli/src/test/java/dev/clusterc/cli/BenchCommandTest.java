package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** Each option's bad values: a usage error naming the option and the range, exit 2, before any work. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--apps|0|--apps must be between 1 and 100000, not 0",
      "--apps|-5|--apps must be between 1 and 100000, not -5",
      "--apps|10,0|--apps must be between 1 and 100000, not 0",
      "--apps|2000000000|--apps must be between 1 and 100000, not 2000000000",
      "--files|0|--files must be between 1 and 1000, not 0",
      "--files|1000000|--files must be between 1 and 1000, not 1000000",
      "--runs|0|--runs must be between 1 and 100, not 0",
      "--runs|-1|--runs must be between 1 and 100, not -1",
      "--runs|1000000|--runs must be between 1 and 100, not 1000000",
      "--process-runs|-1|--process-runs must be between 0 and 20, not -1",
      "--process-runs|500|--process-runs must be between 0 and 20, not 500",
      "--keystrokes|0|--keystrokes must be between 1 and 100000, not 0",
      "--edits|0|--edits must be between 1 and 10000000, not 0"})
  void outOfRangeValuesAreUsageErrors(String option, String value, String message) {
    Cli.Result result = Cli.run("bench", option, value).assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertEquals("", result.out(), "no table started");
    assertTrue(result.err().startsWith("clusterc bench: " + message + "\n"), result::toString);
    assertTrue(result.err().contains("Usage: clusterc bench"), result::toString);
  }

  /**
   * The language-server workload at a tiny size: {@code clusterc lsp} in a child process answers, and every
   * row is printed with figures (start-up, both ways of typing, completion at three kinds of place after a
   * keystroke and at rest, then memory samples from the start to the last edit and their summary).
   */
  @Test
  void theLspWorkloadPrintsEveryRow() {
    Cli.Result result = Cli.run("bench", "--workload", "lsp", "--apps", "10", "--files", "3", "--keystrokes", "4",
        "--edits", "200");
    assertEquals(0, result.exit(), result::toString);
    String number = "[0-9]+\\.[0-9]";
    for (String what : List.of("start-up: initialize answered", "start-up: first diagnostics",
        "keystroke to diagnostics, typing (100 ms)", "keystroke to diagnostics, back to back",
        "completion: entry key, after a keystroke", "completion: entry key, at rest",
        "completion: reference, after a keystroke", "completion: reference, at rest",
        "completion: after use, after a keystroke", "completion: after use, at rest")) {
      String row = result.out().lines().filter(line -> line.startsWith(what + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("no row " + what + " in\n" + result));
      String figures = row.substring(what.length()).trim();
      assertTrue(figures.matches("[0-9]+( +" + number + "){4} .*"), row);
      if (what.startsWith("keystroke")) {
        assertEquals("4", figures.split(" +")[0], "as many keystrokes as asked: " + row);
      }
    }
    List<String> samples = result.out().lines().filter(line -> line.matches(" +[0-9]+ +([0-9.]+|-) +([0-9.]+|-) +[0-9.]+"))
        .toList();
    assertTrue(samples.size() >= 2, result::toString);
    assertEquals("0", samples.get(0).trim().split(" +")[0], result::toString);
    assertTrue(Integer.parseInt(samples.get(samples.size() - 1).trim().split(" +")[0]) >= 200, result::toString);
    assertTrue(result.out().lines().anyMatch(line -> line.matches("memory across [0-9]+ keystrokes: heap after GC .*; resident .*")),
        result::toString);
  }

  /** --generate writes the clusters bench/peers/run compiles, one directory per size, and measures nothing. */
  @Test
  void generateWritesCheckableClustersOnly(@TempDir Path dir) throws Exception {
    Cli.Result result = Cli.run("bench", "--generate", dir.toString(), "--apps", "3,4", "--files", "2");
    assertEquals(0, result.exit(), result::toString);
    assertEquals(dir.resolve("n3") + "\n" + dir.resolve("n4") + "\n", result.out());
    assertTrue(Files.readString(dir.resolve("n4/apps-001.cluster")).contains("app app3 {"));
    Cli.Result check = Cli.run("check", dir.resolve("n3").toString());
    assertEquals(0, check.exit(), check::toString);
  }

  /** The apply workload: plain apps with the size in their names, which compile to a Namespace, Deployment and Service each. */
  @Test
  void generateApplyWritesPlainAppsThatCompile(@TempDir Path dir) throws Exception {
    Cli.Result result = Cli.run("bench", "--workload", "apply", "--generate", dir.toString(), "--apps", "3", "--files", "2");
    assertEquals(0, result.exit(), result::toString);
    assertTrue(Files.readString(dir.resolve("n3/apps-000.cluster")).contains("app s3-app0 {"), result::toString);
    Cli.Result compiled = Cli.run("compile", dir.resolve("n3").toString(), "-o", "-");
    assertEquals(0, compiled.exit(), compiled::toString);
    assertEquals(3, compiled.out().lines().filter("kind: Deployment"::equals).count(), compiled::toString);
    assertEquals(3, compiled.out().lines().filter("kind: Service"::equals).count(), compiled::toString);
    assertEquals(3, compiled.out().lines().filter("kind: Namespace"::equals).count(), compiled::toString);
  }

  /** Applying needs a cluster named on purpose: never the current context of ~/.kube/config. */
  @Test
  void theApplyWorkloadNeedsAKubeconfig() {
    Cli.Result result = Cli.run("bench", "--workload", "apply", "--apps", "3").assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc bench: --workload apply needs --kubeconfig FILE"), result::toString);
  }

  /** The watch workload too; and its own options' ranges are checked before anything is started. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--apps|3|--workload watch needs --kubeconfig FILE",
      "--heals|-1|--heals must be between 0 and 1000, not -1",
      "--commits|101|--commits must be between 0 and 100, not 101",
      "--idle|5s|--idle must be between 10s and 2h, not 5s",
      "--idle|3h|--idle must be between 10s and 2h, not 10800s"})
  void theWatchWorkloadChecksItsOptionsFirst(String option, String value, String message, @TempDir Path dir)
      throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
    String[] args = option.equals("--apps")
        ? new String[] {"bench", "--workload", "watch", option, value}
        : new String[] {"bench", "--workload", "watch", "--kubeconfig", kubeconfig.toString(), option, value};
    Cli.Result result = Cli.run(args).assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertEquals("", result.out(), "nothing started");
    assertTrue(result.err().startsWith("clusterc bench: " + message), result::toString);
  }

  @Test
  void aLauncherThatCannotRunIsAUsageError(@TempDir Path dir) {
    Cli.Result result = Cli.run("bench", "--launcher", dir.resolve("none").toString()).assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc bench: --launcher " + dir.resolve("none") + " is not an executable file"),
        result::toString);
  }

  @Test
  void aValueThatIsNoNumberIsAUsageError() {
    Cli.Result result = Cli.run("bench", "--runs", "many").assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().contains("--runs"), result::toString);
  }
}
