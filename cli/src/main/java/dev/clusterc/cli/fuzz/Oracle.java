package dev.clusterc.cli.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one input — {@code clusterc check SRC} then {@code clusterc compile SRC -o OUT} in-process —
 * on a fresh thread with a time bound, and judges it: no exception escapes, nothing says
 * "internal error" or prints a stack trace, the exit codes are 0, 1 or 2 and agree, and nothing
 * outside {@code OUT} changed (sources included). A run that overstays is stopped and its sandbox
 * given up, so a hung thread cannot disturb the next input.
 */
final class Oracle implements AutoCloseable {
  /** As deep as {@code Main.main} gives its worker: a stack overflow here is one there. */
  private static final long STACK_BYTES = 256L * 1024 * 1024;

  /** The wall-time bound, in CPU-time bounds: a last resort, generous enough for a crowded machine. */
  static final int WALL_FACTOR = 10;

  private static final Pattern STACK_TRACE = Pattern.compile(
      "(?m)^(?:\\s+at [\\w$.]+\\(.*\\)\\s*$|Exception in thread|Caused by: |[a-z][\\w$]*(?:\\.[\\w$]+)+(?:Exception|Error)\\b.*$)");
  private static final Pattern INTERNAL = Pattern.compile("internal error:? ?(.*)");

  private final Path base;
  private final long timeoutMillis;
  private final Target target;
  private Sandbox sandbox;
  /** Threads that neither finished nor stopped after a timeout; they keep running in the background. */
  int abandoned;

  Oracle(Path base, long timeoutMillis) throws IOException {
    this(base, timeoutMillis, CliRun::run);
  }

  Oracle(Path base, long timeoutMillis, Target target) throws IOException {
    this.base = base;
    this.timeoutMillis = timeoutMillis;
    this.target = target;
    this.sandbox = new Sandbox(base);
  }

  Verdict judge(FuzzInput input) throws IOException {
    sandbox.prepare(input);
    TreeSnapshot before = sandbox.snapshot();
    String src = sandbox.src.toString();
    String out = sandbox.out.toString();
    String[] check = input.index % 2 == 0 ? new String[] {"check", src} : new String[] {"check", "--format", "json", src};
    String[] compile = input.index % 4 == 3 ? new String[] {"compile", src, "-o", out, "--layout", "flat"}
        : new String[] {"compile", src, "-o", out};
    AtomicBoolean cancelled = new AtomicBoolean();
    FutureTask<CliRun[]> task = new FutureTask<>(() -> {
      CliRun checked = target.run(check);
      // A stopped check returns (the command catches what stopping throws); compile must not start then.
      return cancelled.get() ? null : new CliRun[] {checked, target.run(compile)};
    });
    Thread worker = start(task);
    CliRun[] runs;
    try {
      runs = await(task, worker);
    } catch (TimeoutException e) {
      StackTraceElement[] stack = worker.getStackTrace();
      String where = Verdict.frames(stack);
      cancelled.set(true);
      String details = (input.describe() + "\n" + e.getMessage() + " of: clusterc " + String.join(" ", check)
          + " ; clusterc " + String.join(" ", compile) + "\nstuck in " + where).replace(sandbox.root.toString(), "<root>");
      stop(worker);
      sandbox = new Sandbox(base);
      return Verdict.failure(Outcome.TIMEOUT, "in " + Verdict.hungIn(stack), details);
    } catch (ExecutionException e) {
      return Verdict.failure(Outcome.EXCEPTION, Verdict.signatureOf(e.getCause()), input.describe() + "\n" + trace(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    List<String> changes = sandbox.snapshot().changesSince(before);
    Verdict verdict = classify(input, runs, changes);
    if (!changes.isEmpty()) {
      // What was written outside would be there before the next input: start that one clean.
      Sandbox.deleteTree(sandbox.root);
      sandbox = new Sandbox(base);
    }
    return verdict;
  }

  private Verdict classify(FuzzInput input, CliRun[] runs, List<String> changes) {
    StringBuilder details = new StringBuilder(input.describe()).append('\n');
    for (CliRun run : runs) {
      details.append("\n$ clusterc ").append(String.join(" ", run.args())).append("\nexit ").append(run.exit())
          .append(" (").append(run.printed()).append(" characters printed)\n--- stdout\n").append(clip(run.out()))
          .append("--- stderr\n").append(clip(run.err()));
    }
    if (!changes.isEmpty()) {
      details.append("\nchanged outside the output:\n  ").append(String.join("\n  ", changes.subList(0, Math.min(20, changes.size()))));
    }
    String shown = details.toString().replace(sandbox.root.toString(), "<root>");
    List<Verdict> failures = new ArrayList<>();
    for (CliRun run : runs) {
      String command = run.args().get(0);
      if (run.escaped() != null) {
        failures.add(Verdict.failure(Outcome.EXCEPTION, Verdict.signatureOf(run.escaped()), shown + "\n" + trace(run.escaped())));
      }
      Matcher internal = INTERNAL.matcher(run.all());
      if (internal.find()) {
        failures.add(internalError(command, internal.group(1), shown));
      }
      Matcher trace = STACK_TRACE.matcher(run.all());
      if (trace.find()) {
        failures.add(Verdict.failure(Outcome.STACK_TRACE, command + ": " + normalize(trace.group().strip()), shown));
      }
      if (run.exit() < 0 || run.exit() > 2) {
        failures.add(Verdict.failure(Outcome.BAD_EXIT, command + " exit " + run.exit(), shown));
      }
    }
    if (!changes.isEmpty()) {
      failures.add(Verdict.failure(Outcome.WROTE_OUTSIDE, normalize(changes.get(0)), shown));
    }
    int checked = runs[0].exit();
    int compiled = runs[1].exit();
    if ((checked == 0 && compiled == 1 && !onlyChartErrors(runs[1])) || (checked == 1 && compiled == 0)) {
      failures.add(Verdict.failure(Outcome.DISAGREEMENT, "check exit " + checked + ", compile exit " + compiled + firstError(runs[1]), shown));
    }
    if (!failures.isEmpty()) {
      return failures.get(0);
    }
    if (checked == 2 || compiled == 2) {
      return Verdict.of(Outcome.USAGE, shown);
    }
    return Verdict.of(checked == 1 ? Outcome.FINDINGS : Outcome.OK, shown);
  }

  /** Names the exception behind an "internal error" by replaying the input through the compiler's API. */
  private Verdict internalError(String command, String message, String shown) {
    Path scratch = sandbox.out.resolve(".replay");
    FutureTask<Throwable> replay = new FutureTask<>(() -> Replay.thrown(sandbox.src, scratch));
    Thread worker = start(replay);
    Throwable thrown = null;
    try {
      thrown = await(replay, worker);
    } catch (TimeoutException e) {
      stop(worker);
    } catch (ExecutionException | InterruptedException e) {
      thrown = null;
    }
    if (thrown != null) {
      return Verdict.failure(Outcome.INTERNAL_ERROR, Verdict.signatureOf(thrown), shown + "\nreplayed through the compiler API:\n" + trace(thrown));
    }
    return Verdict.failure(Outcome.INTERNAL_ERROR, command + ": " + normalize(message), shown + "\n(not reproduced by the compiler-API replay)");
  }

  /**
   * Whether every error of a run is a chart that could not be fetched or rendered: compile renders
   * the charts of a cluster without {@code gitops} and check never does, so that is no disagreement
   * (the fuzzer runs offline, where every such chart is out of reach).
   */
  private static boolean onlyChartErrors(CliRun run) {
    boolean any = false;
    for (String line : run.all().split("\n")) {
      int at = line.indexOf("error[");
      if (at >= 0) {
        if (!line.startsWith("error[chart-", at)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private static String firstError(CliRun run) {
    for (String line : run.all().split("\n")) {
      int at = line.indexOf("error[");
      if (at >= 0) {
        int end = line.indexOf(']', at);
        return end > 0 ? " (" + line.substring(at, end + 1) + ")" : "";
      }
    }
    return "";
  }

  /**
   * The task's result, or a {@link TimeoutException} once its thread has used {@code timeoutMillis}
   * of CPU time, has used none for that long (blocked, on a FIFO say), or has run {@link #WALL_FACTOR}
   * times that of wall time. Counting CPU time keeps the bound fair on a loaded machine, where the
   * wall clock stretches for every input (on a 2-core machine running 20 builds, a thread gets a
   * seventh of a core).
   */
  private <T> T await(FutureTask<T> task, Thread worker) throws TimeoutException, ExecutionException, InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isThreadCpuTimeSupported();
    long start = System.nanoTime();
    long lastCpu = -1;
    long lastProgress = start;
    while (true) {
      try {
        return task.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long now = System.nanoTime();
        long cpuNanos = cpu ? threads.getThreadCpuTime(worker.getId()) : -1;
        if (cpuNanos != lastCpu) {
          lastCpu = cpuNanos;
          lastProgress = now;
        }
        long cpuMillis = cpuNanos / 1_000_000;
        long wallMillis = (now - start) / 1_000_000;
        long idleMillis = (now - lastProgress) / 1_000_000;
        if (cpuMillis > timeoutMillis || wallMillis > WALL_FACTOR * timeoutMillis || (cpu && idleMillis > timeoutMillis)
            || (!cpu && wallMillis > timeoutMillis)) {
          throw new TimeoutException("no result after " + cpuMillis + " ms of CPU time, " + wallMillis + " ms of wall time, the last "
              + idleMillis + " ms without CPU time (bound: " + timeoutMillis + " ms of CPU, or without it, "
              + WALL_FACTOR * timeoutMillis + " ms of wall time)");
        }
      }
    }
  }

  private <T> Thread start(FutureTask<T> task) {
    Thread worker = new Thread(null, task, "fuzz-input", STACK_BYTES);
    worker.setDaemon(true);
    worker.start();
    return worker;
  }

  /** Unblocks FIFOs, interrupts, and as a last resort stops a thread that overstayed. */
  @SuppressWarnings({"deprecation", "removal"})
  private void stop(Thread worker) {
    sandbox.unblockFifos();
    worker.interrupt();
    try {
      worker.join(1000);
      // The commands catch Error, so one stop may only end the current step: stop until it is over.
      for (int attempt = 0; attempt < 5 && worker.isAlive(); attempt++) {
        try {
          worker.stop();
        } catch (UnsupportedOperationException e) {
          break; // newer Java: the thread runs on as a daemon
        }
        worker.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      abandoned++;
    }
  }

  /** A message with its numbers and paths made generic, so one bug has one signature. */
  private String normalize(String message) {
    String text = message.replace(sandbox.root.toString(), "<root>");
    text = text.length() > 160 ? text.substring(0, 160) + "…" : text;
    return text.replaceAll("[0-9]+", "N");
  }

  private static String clip(String text) {
    String clipped = text.length() > 6000 ? text.substring(0, 3000) + "\n[…]\n" + text.substring(text.length() - 3000) : text;
    return clipped.isEmpty() || clipped.endsWith("\n") ? clipped : clipped + "\n";
  }

  static String trace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    String all = text.toString();
    return all.length() > 20_000 ? all.substring(0, 20_000) + "\n[…]\n" : all;
  }

  @Override
  public void close() throws IOException {
    Sandbox.deleteTree(sandbox.root);
  }

  /** What runs a command line: the real {@code clusterc}, or in the oracle's own tests a misbehaving stand-in. */
  @FunctionalInterface
  interface Target {
    CliRun run(String... args);
  }
}
