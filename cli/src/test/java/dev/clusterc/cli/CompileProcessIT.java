package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.cli.bench.ClusterGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile} as a process, run by failsafe after {@code package} has built the jar: what only
 * a real process shows — its working directory, a standard output that fails, and being killed.
 */
class CompileProcessIT {
  private static final Path JAR = Cli.repo().resolve("cli/target/clusterc.jar");

  @TempDir
  Path temp;

  /** {@code cd repo && clusterc compile . -o ..}: before, the whole repository, .git included, was replaced. */
  @Test
  void compilingARepositoryIntoItsParentLeavesTheRepositoryAlone() throws Exception {
    Path repo = temp.resolve("pi");
    Sources.write(repo.resolve("cluster.cluster"), Sources.CLEAN);
    Sources.write(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Map<String, String> before = CompileOutputTest.contents(repo);
    Process process = start(repo, "compile", ".", "-o", "..");
    assertEquals(0, finish(process), "compiled");
    assertEquals(before, CompileOutputTest.contents(repo), "the repository is untouched");
    assertTrue(Files.isRegularFile(temp.resolve("clusters/pi/.clusterc-owned")));
  }

  /** {@code clusterc compile -o - > /dev/full}: before, exit 0. */
  @Test
  void aFullDiskOnStandardOutputIsAnError() throws Exception {
    assertTrue(Files.exists(Path.of("/dev/full")), "Linux's /dev/full");
    Sources.write(temp.resolve("pi/cluster.cluster"), Sources.CLEAN);
    ProcessBuilder builder = command(temp, "compile", "pi");
    builder.redirectOutput(new File("/dev/full"));
    Process process = builder.start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES));
    assertEquals(2, process.exitValue(), err);
    assertTrue(err.contains("clusterc: standard output: write failed"), err);
  }

  /**
   * Killed (SIGKILL, then SIGINT) while writing a large tree over a small one: the small tree is
   * whole, and the next run finishes with no staging left behind.
   */
  @Test
  void aKilledCompileLeavesThePreviousTreeWholeAndTheNextRunNoDebris() throws Exception {
    Path small = temp.resolve("small");
    ClusterGenerator.write(small, 3, 2);
    Path big = temp.resolve("big");
    ClusterGenerator.write(big, 400, 20);
    Path repo = temp.resolve("repo");
    Path tree = repo.resolve("clusters/bench");
    for (String signal : List.of("KILL", "INT")) {
      assertEquals(0, finish(start(temp, "compile", "small", "-o", "repo")), "the small tree");
      Map<String, String> before = CompileOutputTest.contents(tree);
      Path staged = tree.resolve(".clusterc-staging/tree");
      killWhileStaging(signal, staged);
      assertTrue(Files.isDirectory(staged), "killed while staging (SIG" + signal + ")");
      Map<String, String> after = CompileOutputTest.contents(tree);
      after.keySet().removeIf(f -> f.startsWith(".clusterc-staging/"));
      assertEquals(before, after, "the previous tree is whole after SIG" + signal);
      assertEquals(0, finish(start(temp, "compile", "big", "-o", "repo")), "the next run");
      assertFalse(Files.exists(tree.resolve(".clusterc-staging")), "no debris");
      List<String> owned = Files.readAllLines(tree.resolve(".clusterc-owned")).stream().filter(l -> !l.startsWith("#")).toList();
      try (Stream<Path> files = Files.walk(tree)) {
        assertEquals(owned.size() + 1, files.filter(Files::isRegularFile).count(), "the record and exactly its files");
      }
      try (Stream<Path> left = Files.list(repo)) {
        assertEquals(List.of(repo.resolve("clusters")), left.toList(), "nothing beside the tree");
      }
    }
  }

  /**
   * Starts the big compile and sends {@code signal} once it is staging. A JVM handles SIGINT on a
   * thread of its own, so on a loaded machine the compile can finish first: then the tree is simply
   * the new one, the case this test is not about, and it tries again (the small tree is put back).
   */
  private void killWhileStaging(String signal, Path staged) throws Exception {
    for (int attempt = 1; ; attempt++) {
      Process process = start(temp, "compile", "big", "-o", "repo");
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (!hasEntries(staged) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(process.isAlive(), "still writing when killed");
      assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
      assertTrue(process.waitFor(2, TimeUnit.MINUTES));
      if (process.exitValue() != 0 || attempt == 5) {
        assertNotEquals(0, process.exitValue(), "SIG" + signal + " never arrived before the compile finished, in 5 tries");
        return;
      }
      assertEquals(0, finish(start(temp, "compile", "small", "-o", "repo")), "the small tree again");
    }
  }

  private static boolean hasEntries(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  private static ProcessBuilder command(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("NO_COLOR", "1");
    return builder;
  }

  private static Process start(Path dir, String... args) throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is packaged before the integration tests");
    ProcessBuilder builder = command(dir, args);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  private static int finish(Process process) throws Exception {
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "finishes");
    return process.exitValue();
  }
}
