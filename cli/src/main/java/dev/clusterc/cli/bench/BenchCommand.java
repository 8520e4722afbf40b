package dev.clusterc.cli.bench;

import dev.clusterc.cli.RuntimeOptions;
import dev.clusterc.cli.Version;
import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.runtime.kube.Kube;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code clusterc bench}: measures parse+check and compile (emit and serialize) on generated clusters
 * of N apps, warm in-process (median of several runs, heap retained by the checked program) and as
 * a whole CLI process started as {@code ./clusterc} starts it (time and peak memory), and the re-check
 * after editing one file. With {@code --workload apply} it measures instead apply, no-op re-apply and plan
 * of generated plain apps on the live cluster of {@code --kubeconfig} ({@link ApplyBench}); with
 * {@code --workload watch}, {@code apply --watch} of them from a Git repository: drift heal latency, idle
 * requests, commit reaction and memory ({@link WatchBench}). Prints figures; asserts nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Measure parse+check time and memory on generated clusters of N apps, or (--workload apply) "
        + "apply, no-op re-apply and plan against a live cluster, or (--workload watch) apply --watch: drift heal "
        + "latency, idle requests, commit reaction and memory, or (--workload lsp) the language server: start-up, keystroke "
        + "to diagnostics, completion latency and memory across replayed edits.")
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Beyond these a run would take hours or exhaust the heap: refused as usage errors rather than started. */
  static final int MAX_APPS = 100_000;
  static final int MAX_FILES = 1_000;
  static final int MAX_RUNS = 100;
  static final int MAX_PROCESS_RUNS = 20;
  static final int MAX_KEYSTROKES = 100_000;
  static final int MAX_EDITS = 10_000_000;

  @Option(names = "--apps", split = ",", paramLabel = "N",
      description = "Cluster sizes in apps, 1 to " + MAX_APPS + " each (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes = List.of(100, 1000, 10000);

  @Option(names = "--files", paramLabel = "N",
      description = "Files the apps are spread over, 1 to " + MAX_FILES + " (default: ${DEFAULT-VALUE}).")
  int files = 20;

  @Option(names = "--runs", paramLabel = "N",
      description = "Measured warm runs per size, 1 to " + MAX_RUNS + " (default: ${DEFAULT-VALUE}).")
  int runs = 7;

  @Option(names = "--process-runs", paramLabel = "N",
      description = "Whole-process runs per size, 0 (skip them) to " + MAX_PROCESS_RUNS + " (default: ${DEFAULT-VALUE}).")
  int processRuns = 3;

  @Option(names = "--launcher", paramLabel = "PATH",
      description = "Command run for the whole-process figures (default: the ./clusterc that started this bench, "
          + "else this JVM with its flags).")
  Path launcher;

  @Option(names = "--generate", paramLabel = "DIR",
      description = "Only write the generated cluster of each --apps size to DIR/n<N> and measure nothing "
          + "(the input bench/peers/run compiles).")
  Path generate;

  @Option(names = "--workload", paramLabel = "KIND",
      description = "compile (the default: apps with volumes, routes, backups and databases, measured by check and "
          + "compile) or apply (plain apps: a Namespace, a Deployment and a Service each, applied to the cluster of "
          + "--kubeconfig) or watch (the same plain apps, followed by apply --watch from a Git repository on the cluster "
          + "of --kubeconfig) or lsp (the language server, `clusterc lsp` in a child process, on the compile workload's "
          + "apps; --apps defaults to 1000).")
  Workload workload = Workload.compile;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "With --workload apply or watch: the cluster to apply to (required; use a throw-away cluster, "
          + "e.g. the one bench/apply/run or bench/watch/run starts).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "With --workload apply or watch: the kubeconfig context.")
  String context;

  @Option(names = "--parallel", paramLabel = "N",
      description = "With --workload apply or watch: units applied at once, as apply's --parallel "
          + "(default: ${DEFAULT-VALUE}).")
  int parallel = 4;

  @Option(names = "--reapplies", paramLabel = "N",
      description = "With --workload apply: no-op re-applies after the first apply, 1 to 10 (default: ${DEFAULT-VALUE}).")
  int reapplies = 3;

  @Option(names = "--heals", paramLabel = "N",
      description = "With --workload watch: Deployments scaled by hand, one at a time, whose heal is timed, 0 to 1000 "
          + "(default: ${DEFAULT-VALUE}).")
  int heals = 50;

  @Option(names = "--idle", paramLabel = "DURATION", converter = RuntimeOptions.DurationConverter.class,
      description = "With --workload watch: how long to count what the reconciler sends while nothing changes, "
          + "10s to 2h (default: 5m).")
  Duration idle = Duration.ofMinutes(5);

  @Option(names = "--commits", paramLabel = "N",
      description = "With --workload watch: commits changing one app each, timed until the cluster shows them, 0 to 100 "
          + "(default: ${DEFAULT-VALUE}).")
  int commits = 3;

  @Option(names = "--keystrokes", paramLabel = "N",
      description = "With --workload lsp: measured keystrokes per way of typing, and completions per kind of place "
          + "(half of them just after a keystroke), 1 to " + MAX_KEYSTROKES + " (default: ${DEFAULT-VALUE}).")
  int keystrokes = 200;

  @Option(names = "--edits", paramLabel = "N",
      description = "With --workload lsp: keystrokes replayed while the server's memory is sampled, 1 to " + MAX_EDITS
          + " (default: ${DEFAULT-VALUE}).")
  int edits = 100_000;

  /** What the generated clusters are for. */
  enum Workload { compile, apply, watch, lsp }

  @Override
  public Integer call() throws Exception {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    if (generate != null) {
      for (int apps : sizes) {
        if (workload == Workload.apply || workload == Workload.watch) {
          ClusterGenerator.writeAppliable(generate.resolve("n" + apps), apps, files);
        } else {
          ClusterGenerator.write(generate.resolve("n" + apps), apps, files);
        }
        out.println(generate.resolve("n" + apps));
      }
      return 0;
    }
    if (workload == Workload.apply) {
      return applyBench(out);
    }
    if (workload == Workload.watch) {
      return watchBench(out);
    }
    if (workload == Workload.lsp) {
      return lspBench(out);
    }
    WholeProcess process = WholeProcess.of(launcher, System.getenv());
    out.printf("clusterc bench: parse+check and compile, %d files per cluster, median of %d warm runs, %d process runs%n",
        files, runs, processRuns);
    if (processRuns > 0) {
      out.printf("whole process: %s%n", process.description());
    }
    out.printf("%8s %10s %13s %9s %11s %13s %11s %8s %12s %15s %10s%n", "apps", "check ms", "ms/1000 apps", "heap MB",
        "recheck ms", "files parsed", "check proc", "proc MB", "compile ms", "compile proc ms", "proc MB");
    Path root = Files.createTempDirectory("clusterc-bench");
    try {
      for (int apps : sizes) {
        Path dir = root.resolve("n" + apps);
        ClusterGenerator.write(dir, apps, files);
        Row row = measure(dir, process);
        out.printf("%8d %10.1f %13.1f %9.1f %11.1f %13d %11s %8s %12.1f %15s %10s%n", apps, row.warmMs,
            row.warmMs * 1000 / apps, row.heapMb, row.recheckMs, row.reparsed, whole(row.check.ms()),
            whole(row.check.peakMb()), row.compileMs, whole(row.compile.ms()), whole(row.compile.peakMb()));
        out.flush();
      }
    } finally {
      delete(root);
    }
    return 0;
  }

  private int applyBench(PrintWriter out) throws IOException {
    Path root = Files.createTempDirectory("clusterc-bench");
    try (Kube kube = Kube.connect(kubeconfig, context)) {
      ApplyBench bench = new ApplyBench(kube, parallel, reapplies, out);
      bench.header();
      for (int apps : sizes) {
        bench.measure(root.resolve("n" + apps), apps, files);
      }
    } finally {
      delete(root);
    }
    return 0;
  }

  private int watchBench(PrintWriter out) throws Exception {
    Path root = Files.createTempDirectory("clusterc-bench");
    try {
      WatchBench bench = new WatchBench(kubeconfig, context, parallel, heals, idle, commits, out);
      for (int apps : sizes) {
        bench.measure(root.resolve("n" + apps), apps, files);
      }
    } finally {
      delete(root);
    }
    return 0;
  }

  private int lspBench(PrintWriter out) throws IOException {
    LspBench bench = new LspBench(WholeProcess.of(launcher, System.getenv()), keystrokes, edits, out);
    Path root = Files.createTempDirectory("clusterc-bench");
    try {
      for (int apps : lspSizes()) {
        bench.measure(root.resolve("n" + apps), apps, files);
      }
    } finally {
      delete(root);
    }
    return 0;
  }

  /** The language server is measured at 1,000 apps unless --apps says otherwise. */
  private List<Integer> lspSizes() {
    return spec.commandLine().getParseResult().hasMatchedOption("--apps") ? sizes : List.of(1000);
  }

  /** A usage error (exit 2, with the usage) for a value the benchmark cannot run with. */
  private void validate() {
    if (sizes.isEmpty()) {
      throw usage("--apps needs at least one size");
    }
    for (int apps : sizes) {
      inRange("--apps", apps, 1, MAX_APPS);
    }
    inRange("--files", files, 1, MAX_FILES);
    inRange("--runs", runs, 1, MAX_RUNS);
    inRange("--process-runs", processRuns, 0, MAX_PROCESS_RUNS);
    inRange("--keystrokes", keystrokes, 1, MAX_KEYSTROKES);
    inRange("--edits", edits, 1, MAX_EDITS);
    if ((workload == Workload.apply || workload == Workload.watch) && generate == null) {
      if (kubeconfig == null) {
        throw usage("--workload " + workload + " needs --kubeconfig FILE: the cluster to apply to (a throw-away one)");
      }
      if (!Files.isRegularFile(kubeconfig)) {
        throw usage("--kubeconfig " + kubeconfig + " is not a file");
      }
      inRange("--parallel", parallel, 1, 64);
      inRange("--reapplies", reapplies, 1, 10);
      inRange("--heals", heals, 0, 1000);
      inRange("--commits", commits, 0, 100);
      if (idle.compareTo(Duration.ofSeconds(10)) < 0 || idle.compareTo(Duration.ofHours(2)) > 0) {
        throw usage("--idle must be between 10s and 2h, not " + idle.toSeconds() + "s");
      }
    }
    if (launcher != null && !Files.isExecutable(launcher)) {
      throw usage("--launcher " + launcher + " is not an executable file");
    }
  }

  private void inRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw usage(option + " must be between " + min + " and " + max + ", not " + value);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), "clusterc bench: " + message);
  }

  private record Row(double warmMs, double heapMb, double recheckMs, int reparsed, WholeProcess.Figures check,
      double compileMs, WholeProcess.Figures compile) {}

  private static final WholeProcess.Figures SKIPPED = new WholeProcess.Figures(-1, -1);

  private static String whole(double value) {
    return value < 0 ? "-" : String.format("%.0f", value);
  }

  private Row measure(Path dir, WholeProcess process) throws Exception {
    for (int i = 0; i < 3; i++) {
      check(ClusterCompiler.open(dir, dir));
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      check(ClusterCompiler.open(dir, dir));
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    double heapMb = retainedHeapMb(dir);

    ClusterCompiler compiler = ClusterCompiler.open(dir, dir);
    check(compiler);
    double[] rechecks = new double[runs];
    int parsedBefore = compiler.parseCount();
    for (int i = 0; i < runs; i++) {
      Path edited = dir.resolve("apps-000.cluster");
      Files.writeString(edited, Files.readString(edited) + "# edit " + i + "\n");
      long start = System.nanoTime();
      check(compiler);
      rechecks[i] = (System.nanoTime() - start) / 1e6;
    }
    int reparsed = (compiler.parseCount() - parsedBefore) / runs;
    Analysis analysis = check(ClusterCompiler.open(dir, dir));
    for (int i = 0; i < 3; i++) {
      compile(analysis).writeStream(Writer.nullWriter());
    }
    double[] compiles = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      compile(analysis).writeStream(Writer.nullWriter());
      compiles[i] = (System.nanoTime() - start) / 1e6;
    }
    WholeProcess.Figures check = processRuns > 0 ? process.measure("check", dir, processRuns) : SKIPPED;
    WholeProcess.Figures compile = processRuns > 0 ? process.measure("compile", dir, processRuns) : SKIPPED;
    return new Row(median(times), heapMb, median(rechecks), reparsed, check, median(compiles), compile);
  }

  private static Analysis check(ClusterCompiler compiler) {
    Analysis analysis = compiler.analyse();
    if (analysis.hasErrors()) {
      throw new IllegalStateException("the generated cluster has errors: " + analysis.diagnostics().get(0));
    }
    return analysis;
  }

  private static CompiledCluster compile(Analysis analysis) {
    return analysis.compile().cluster()
        .orElseThrow(() -> new IllegalStateException("the generated cluster does not compile"));
  }

  /** Heap in use while a checked program is reachable, minus the heap before: what checking retains. */
  private static double retainedHeapMb(Path dir) {
    var memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    Analysis analysis = check(ClusterCompiler.open(dir, dir));
    System.gc();
    long after = memory.getHeapMemoryUsage().getUsed();
    if (analysis.documents().isEmpty()) {
      throw new IllegalStateException("keeps the program reachable until here");
    }
    return Math.max(0, after - before) / 1048576.0;
  }

  private static double median(double[] values) {
    return WholeProcess.median(values);
  }

  private static void delete(Path root) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
