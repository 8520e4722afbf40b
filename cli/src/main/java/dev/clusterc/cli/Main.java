package dev.clusterc.cli;

import dev.clusterc.cli.bench.BenchCommand;
import dev.clusterc.cli.fuzz.FuzzCommand;
import dev.clusterc.cli.run.Engine;
import dev.clusterc.cli.run.RuntimeEngine;
import dev.clusterc.cli.watch.WatchRun;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code clusterc} command. {@link #main} is the only place that exits the process; the
 * commands return their exit status, so tests run them in-process with
 * {@code new CommandLine(new Main()).setOut(…).setErr(…).execute(args)}.
 */
@Command(name = "clusterc", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "A typed cluster-description language for Kubernetes clusters.",
    subcommands = {CheckCommand.class, CompileCommand.class, PlanCommand.class, DiffCommand.class, ApplyCommand.class, SuspendCommand.class, ResumeCommand.class, FmtCommand.class, LspCommand.class, GraphCommand.class, BenchCommand.class,
        CompletionCommand.class, HelpCommand.class, VersionCommand.class, FuzzCommand.class},
    footer = {"", "Run `clusterc help COMMAND` (or `clusterc COMMAND --help`) for a command's options."})
public final class Main implements Callable<Integer> {
  /** Deep enough that no input can overflow it; the parser bounds nesting well below this anyway. */
  static final long STACK_BYTES = 256L * 1024 * 1024;

  private final Terminal terminal;
  private final Engine engine;
  private final Consumer<WatchRun> watches;

  @Spec
  CommandSpec spec;

  public Main() {
    this(Terminal.system());
  }

  public Main(Terminal terminal) {
    this(terminal, new RuntimeEngine(Version.NUMBER));
  }

  /** A command line whose {@code plan}, {@code diff} and {@code apply} run on {@code engine}. */
  public Main(Terminal terminal, Engine engine) {
    this(terminal, engine, watch -> {});
  }

  /**
   * A command line that hands each {@code apply --watch} to {@code watches} right before it runs, so a
   * test in the same JVM can stop it with {@link WatchRun#stop()} as SIGTERM would.
   */
  public Main(Terminal terminal, Engine engine, Consumer<WatchRun> watches) {
    this.terminal = terminal;
    this.engine = engine;
    this.watches = watches;
  }

  Terminal terminal() {
    return terminal;
  }

  Engine engine() {
    return engine;
  }

  Consumer<WatchRun> watches() {
    return watches;
  }

  /** {@code clusterc} alone: the usage, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.FAILURE;
  }

  public static void main(String[] args) {
    // Over the PrintStream itself, so checkError() sees a failed write (a full disk, a closed pipe).
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int[] status = {ExitCode.FAILURE};
    Thread worker = new Thread(null, () -> status[0] = run(args, out, err), "clusterc", STACK_BYTES);
    worker.setUncaughtExceptionHandler((thread, e) -> internalError(err, e));
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.flush();
    err.flush();
    System.exit(status[0]);
  }

  /** Runs one command line with everything unexpected caught; the exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    try {
      CommandLine commandLine = new CommandLine(new Main())
          .setOut(out)
          .setErr(err)
          .setExecutionExceptionHandler((e, cl, parsed) -> {
            internalError(cl.getErr(), e);
            return ExitCode.FAILURE;
          });
      return commandLine.execute(args);
    } catch (RuntimeException | Error e) {
      internalError(err, e);
      return ExitCode.FAILURE;
    }
  }

  /** One line about a bug in clusterc, never a stack trace: the message, or the kind of failure when there is none. */
  static void internalError(PrintWriter err, Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
    String what = message.isEmpty() ? e.getClass().getSimpleName() : message;
    err.println("clusterc: internal error: " + what);
    err.println("clusterc: this is a bug in clusterc; please report this, with the command and its input");
    err.flush();
  }
}
