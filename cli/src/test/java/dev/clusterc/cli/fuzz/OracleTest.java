package dev.clusterc.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The oracle catches each kind of misbehaviour: commands that stand in for clusterc write outside
 * the output, change a source, print an internal error or a stack trace, exit 3, throw, or hang —
 * and the real clusterc on an unchanged example passes.
 */
class OracleTest {
  private Path base;

  @BeforeEach
  void setUp() throws IOException {
    base = Files.createTempDirectory("clusterc-oracle-test");
  }

  @AfterEach
  void tearDown() throws IOException {
    Sandbox.deleteTree(base);
  }

  private static FuzzInput input() {
    return new FuzzInput("test", 0, Map.of("cluster.cluster",
        "cluster c { domain \"x.test\"; network { nodes 10.0.0.0/24 } }\nnode n { role control-plane; address 10.0.0.1 }\n"
            .getBytes(StandardCharsets.UTF_8)));
  }

  private Verdict judge(Oracle.Target target) throws IOException {
    try (Oracle oracle = new Oracle(base, 3000, target)) {
      return oracle.judge(input());
    }
  }

  private static CliRun exit(String[] args, int exit, String err) {
    return new CliRun(List.of(args), exit, "", err, err.length(), null);
  }

  /** The last argument of {@code compile SRC -o OUT} (and of {@code check SRC}: the sources). */
  private static Path last(String[] args) {
    return Path.of(args[args.length - 1]);
  }

  @Test
  void writingBesideTheOutputIsCaught() throws IOException {
    Verdict verdict = judge(args -> {
      try {
        Files.writeString(last(args).resolveSibling("stray.yaml"), "x");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return exit(args, 0, "");
    });
    assertEquals(Outcome.WROTE_OUTSIDE, verdict.outcome(), verdict.details());
    assertTrue(verdict.signature().contains("created") && verdict.signature().contains("stray.yaml"), verdict.signature());
  }

  @Test
  void theNextInputStartsWithoutWhatTheLastWroteOutside() throws IOException {
    try (Oracle oracle = new Oracle(base, 3000, args -> {
      try {
        Files.writeString(last(args).resolveSibling("stray.yaml"), "x");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return exit(args, 0, "");
    })) {
      assertTrue(oracle.judge(input()).signature().contains("created"));
      Verdict second = oracle.judge(input());
      assertTrue(second.signature().contains("created"), "a new stray file, not a modified old one: " + second.signature());
    }
  }

  @Test
  void changingASourceIsCaught() throws IOException {
    Verdict verdict = judge(args -> {
      if (args[0].equals("check")) {
        try {
          Files.writeString(last(args).resolve("cluster.cluster"), "# changed\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return exit(args, 0, "");
    });
    assertEquals(Outcome.WROTE_OUTSIDE, verdict.outcome(), verdict.details());
    assertTrue(verdict.signature().contains("modified"), verdict.signature());
  }

  @Test
  void writingInsideTheOutputIsFine() throws IOException {
    Verdict verdict = judge(args -> {
      if (args[0].equals("compile")) {
        try {
          Files.createDirectories(last(args).resolve("c/apps"));
          Files.writeString(last(args).resolve("c/apps/x.yaml"), "x");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return exit(args, 0, "");
    });
    assertEquals(Outcome.OK, verdict.outcome(), verdict.details());
  }

  @Test
  void internalErrorsStackTracesAndOddExitCodesAreCaught() throws IOException {
    assertEquals(Outcome.INTERNAL_ERROR, judge(args -> exit(args, 2, "clusterc: internal error: boom\n")).outcome());
    assertEquals(Outcome.STACK_TRACE, judge(args -> exit(args, 1, "java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)\n")).outcome());
    assertEquals(Outcome.BAD_EXIT, judge(args -> exit(args, 3, "")).outcome());
    assertEquals(Outcome.EXCEPTION, judge(args -> {
      throw new IllegalArgumentException("escaped");
    }).outcome());
    assertEquals(Outcome.DISAGREEMENT, judge(args -> exit(args, args[0].equals("check") ? 0 : 1, "")).outcome());
  }

  @Test
  void aHangIsATimeoutAndTheNextInputStillRuns() throws IOException {
    boolean[] hang = {true};
    try (Oracle oracle = new Oracle(base, 1000, args -> {
      while (hang[0]) {
        Thread.onSpinWait();
      }
      return exit(args, 0, "");
    })) {
      long start = System.nanoTime();
      Verdict verdict = oracle.judge(input());
      assertEquals(Outcome.TIMEOUT, verdict.outcome(), verdict.details());
      assertTrue(System.nanoTime() - start < (Oracle.WALL_FACTOR * 1000 + 8000) * 1_000_000L, "the bound holds");
      hang[0] = false;
      assertEquals(Outcome.OK, oracle.judge(input()).outcome());
    }
  }

  @Test
  void aThreadBlockedWithoutCpuTimeIsATimeoutWithinTheBound() throws IOException {
    CountDownLatch never = new CountDownLatch(1);
    long start = System.nanoTime();
    Verdict verdict = judge(args -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return exit(args, 0, "");
    });
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Outcome.TIMEOUT, verdict.outcome(), verdict.details());
    assertTrue(verdict.details().contains("without CPU time"), verdict.details());
    assertTrue(millis < Oracle.WALL_FACTOR * 3000, "blocked for " + millis + " ms: the idle bound, not the wall bound, ended it");
  }

  @Test
  void theRealCompilerOnAValidClusterPasses() throws IOException {
    try (Oracle oracle = new Oracle(base, 60_000)) {
      Verdict verdict = oracle.judge(input());
      assertEquals(Outcome.OK, verdict.outcome(), verdict.details());
      assertTrue(verdict.details().contains("exit 0"), verdict.details());
    }
  }
}
