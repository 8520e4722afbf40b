package dev.clusterc.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;

/**
 * The language-server side of {@code clusterc bench}: {@code clusterc lsp} started as an editor starts
 * it (a child process, through the launcher, spoken to over its standard input and output) on a
 * generated cluster, measured as a user feels it:
 *
 * <ul>
 *   <li>start-up: from starting the process to {@code initialize} answered, and to the first diagnostics
 *       of the document opened right after;
 *   <li>keystroke to diagnostics: one typed or deleted character that adds or removes an error (a
 *       reference to a gateway that does not exist), until the diagnostics that show it arrive; once with
 *       keystrokes {@link #TYPING} apart, as one types, once back to back;
 *   <li>completion at an entry key, a reference and after {@code use}: just after a keystroke (so the
 *       request meets an edit not yet analysed) and again at rest;
 *   <li>memory across many replayed keystrokes ({@link EditReplay}): the server's heap after a full
 *       collection and its resident set, sampled every tenth of the run. The aim is flat.
 * </ul>
 *
 * Percentiles are nearest-rank over all samples. Prints figures; asserts nothing.
 */
final class LspBench {
  /** Start-ups measured (each a fresh process); the last one's server goes on to the other figures. */
  static final int STARTS = 3;
  /** Time between keystrokes when typing: about ten characters a second. */
  static final Duration TYPING = Duration.ofMillis(100);
  static final double KEYSTROKE_AIM_MS = 100;
  static final double COMPLETION_AIM_MS = 50;
  /** Keystrokes (and completions) before the measured ones, so that the server's JIT has warmed up as in a session. */
  static final int WARM_UP = 40;

  private final WholeProcess launcher;
  private final int keystrokes;
  private final int edits;
  private final PrintWriter out;

  LspBench(WholeProcess launcher, int keystrokes, int edits, PrintWriter out) {
    this.launcher = launcher;
    this.keystrokes = keystrokes;
    this.edits = edits;
    this.out = out;
  }

  /** Generates a cluster of {@code apps} apps in {@code files} files under {@code dir}, and measures the server on it. */
  void measure(Path dir, int apps, int files) throws IOException {
    ClusterGenerator.write(dir, apps, files);
    out.printf("clusterc bench --workload lsp: %d apps in %d files; the server: %s; load average %s%n", apps, files,
        String.join(" ", launcher.command("lsp")), ProcessMemory.loadAverage());
    out.printf("%-44s %6s %8s %8s %8s %8s %7s %8s %8s %6s%n", "what", "n", "p50 ms", "p90 ms", "p99 ms", "max ms",
        "aim ms", "p90/aim", "cpu ms", "items");
    out.flush();
    double[] initialized = new double[STARTS];
    double[] diagnosed = new double[STARTS];
    double[] startCpu = new double[STARTS];
    LspServerProcess server = null;
    try {
      LspDocument apps0 = null;
      for (int i = 0; i < STARTS; i++) {
        if (server != null) {
          server.close();
        }
        server = LspServerProcess.start(launcher, dir);
        apps0 = LspDocument.open(server, dir.resolve("apps-000.cluster"));
        long first = server.awaitPublication(apps0.uri(), 0, d -> true, "for the document opened after start");
        initialized[i] = (server.initializedNanos() - server.startNanos()) / 1e6;
        diagnosed[i] = (first - server.startNanos()) / 1e6;
        startCpu[i] = new ServerUsage(server.pid()).cpuMs();
      }
      row("start-up: initialize answered", initialized, 0, -1, -1);
      row("start-up: first diagnostics", diagnosed, 0, WholeProcess.median(startCpu), -1);
      new Keystrokes(server, apps0).measure();
      LspDocument cluster = LspDocument.open(server, dir.resolve("cluster.cluster"));
      completions(server, apps0, cluster);
      List<LspDocument> edited = new ArrayList<>(List.of(apps0, cluster));
      for (int i = 1; i < Math.min(3, files); i++) {
        edited.add(LspDocument.open(server, dir.resolve(String.format("apps-%03d.cluster", i))));
      }
      memory(server, edited);
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * A keystroke that breaks a reference ({@code via web} becomes {@code via webx}, an unknown gateway)
   * and one that repairs it, alternately, each timed until the diagnostics that show it are published.
   */
  private final class Keystrokes {
    private final LspServerProcess server;
    private final LspDocument document;
    private final int at;
    private final int baseline;
    private boolean broken;

    Keystrokes(LspServerProcess server, LspDocument document) {
      this.server = server;
      this.document = document;
      this.at = document.find("via web", 0) + "via web".length();
      this.baseline = diagnosticsNow();
    }

    void measure() {
      ServerUsage usage = new ServerUsage(server.pid());
      timed(WARM_UP, Duration.ZERO);
      double cpu = usage.cpuMs();
      double[] typing = timed(keystrokes, TYPING);
      double typingCpu = usage.cpuMs() - cpu;
      row("keystroke to diagnostics, typing (" + TYPING.toMillis() + " ms)", typing, KEYSTROKE_AIM_MS, typingCpu / keystrokes, -1);
      cpu = usage.cpuMs();
      double[] backToBack = timed(keystrokes, Duration.ZERO);
      row("keystroke to diagnostics, back to back", backToBack, KEYSTROKE_AIM_MS, (usage.cpuMs() - cpu) / keystrokes, -1);
      if (broken) {
        keystroke();
      }
    }

    private double[] timed(int count, Duration spacing) {
      double[] ms = new double[count];
      long next = System.nanoTime();
      for (int i = 0; i < count; i++) {
        sleepUntil(next);
        long sent = System.nanoTime();
        ms[i] = (keystroke() - sent) / 1e6;
        next = sent + spacing.toNanos();
      }
      return ms;
    }

    /** Types or deletes the {@code x}; returns when the diagnostics showing it arrived. */
    private long keystroke() {
      int seen = server.publications(document.uri());
      broken = !broken;
      if (broken) {
        document.insert(at, "x");
      } else {
        document.delete(at, 1);
      }
      Predicate<List<Diagnostic>> shown = broken ? d -> d.size() > baseline : d -> d.size() == baseline;
      return server.awaitPublication(document.uri(), seen, shown,
          broken ? "showing the error a keystroke made" : "without the error a keystroke repaired");
    }

    /** How many diagnostics the untouched document has (the generated cluster has no errors, but may warn). */
    private int diagnosticsNow() {
      int seen = server.publications(document.uri());
      document.insert(at, "x");
      server.awaitPublication(document.uri(), seen, d -> !d.isEmpty(), "showing the error of the first keystroke");
      seen = server.publications(document.uri());
      int[] count = new int[1];
      document.delete(at, 1);
      server.awaitPublication(document.uri(), seen, d -> {
        count[0] = d.size();
        return true;
      }, "after the first keystroke was taken back");
      return count[0];
    }
  }

  /**
   * Completion at three kinds of place, each made by a keystroke: a new entry's key in an app, a reference
   * to a gateway after {@code via}, a component after {@code use}. Timed just after the keystroke and again at
   * rest, {@code keystrokes / 2} times each.
   */
  private void completions(LspServerProcess server, LspDocument apps0, LspDocument cluster) {
    int key = apps0.find("app app0 {", 0) + "app app0 {".length();
    apps0.insert(key, "\n  ");
    completions(server, "entry key", apps0, key + 3, "m");
    apps0.delete(key, 3);
    int gateway = apps0.find("via web", 0) + "via ".length();
    apps0.delete(gateway, "web".length());
    completions(server, "reference", apps0, gateway, "w");
    apps0.insert(gateway, "web");
    int end = cluster.length();
    cluster.insert(end, "\nuse ");
    completions(server, "after use", cluster, end + 5, "c");
    cluster.delete(end, 5);
  }

  private void completions(LspServerProcess server, String kind, LspDocument document, int at, String typed) {
    int rounds = Math.max(1, keystrokes / 4);
    for (int i = 0; i < WARM_UP / 4; i++) {
      document.insert(at, typed);
      server.complete(document.uri(), document.position(at + 1));
      document.delete(at, 1);
      server.complete(document.uri(), document.position(at));
    }
    ServerUsage usage = new ServerUsage(server.pid());
    double cpu = usage.cpuMs();
    double[] afterEdit = new double[2 * rounds];
    double[] atRest = new double[2 * rounds];
    int[] items = new int[2 * rounds];
    for (int i = 0; i < 2 * rounds; i++) {
      boolean typing = i % 2 == 0;
      if (typing) {
        document.insert(at, typed);
      } else {
        document.delete(at, 1);
      }
      Position cursor = document.position(typing ? at + 1 : at);
      long start = System.nanoTime();
      server.complete(document.uri(), cursor);
      afterEdit[i] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      items[i] = server.complete(document.uri(), cursor);
      atRest[i] = (System.nanoTime() - start) / 1e6;
    }
    // The server's CPU for a keystroke, the completion after it and the one at rest: all on the first row.
    double cpuEach = (usage.cpuMs() - cpu) / afterEdit.length;
    int medianItems = (int) WholeProcess.median(Arrays.stream(items).asDoubleStream().toArray());
    row("completion: " + kind + ", after a keystroke", afterEdit, COMPLETION_AIM_MS, cpuEach, medianItems);
    row("completion: " + kind + ", at rest", atRest, COMPLETION_AIM_MS, -1, medianItems);
  }

  /** Replays {@link #edits} keystrokes, sampling the server's memory at the start and after every tenth. */
  private void memory(LspServerProcess server, List<LspDocument> documents) {
    ServerUsage usage = new ServerUsage(server.pid());
    EditReplay replay = new EditReplay(server, documents, 12);
    int step = Math.max(1, edits / 10);
    out.printf("memory of the server across %d replayed keystrokes in %d documents (heap in use after a full collection, "
        + "resident set):%n", edits, documents.size());
    out.printf("%10s %10s %10s %10s%n", "edits", "heap MB", "RSS MB", "seconds");
    List<ServerUsage.Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    int done = 0;
    int next = 0;
    while (true) {
      if (done >= next || done >= edits) {
        // Let the server catch up with the last edits before measuring.
        documents.forEach(d -> server.complete(d.uri(), new Position(0, 0)));
        ServerUsage.Sample sample = usage.sample();
        samples.add(sample);
        out.printf("%10d %10s %10s %10.1f%n", done, mb(sample.heapMb()), mb(sample.rssMb()), (System.nanoTime() - start) / 1e9);
        out.flush();
        next = (done / step + 1) * step;
      }
      if (done >= edits) {
        break;
      }
      done += replay.episode();
    }
    out.printf("memory across %d keystrokes: heap after GC %s; resident %s%n", done,
        firstLastMax(samples.stream().mapToDouble(ServerUsage.Sample::heapMb).toArray()),
        firstLastMax(samples.stream().mapToDouble(ServerUsage.Sample::rssMb).toArray()));
    out.flush();
  }

  private static String firstLastMax(double[] values) {
    double first = values[0];
    double last = values[values.length - 1];
    double max = Arrays.stream(values).max().orElse(-1);
    if (first < 0 || last < 0) {
      return "unknown";
    }
    return String.format("first %.1f MB, last %.1f MB, max %.1f MB (last/first %.2f)", first, last, max, last / first);
  }

  private static String mb(double value) {
    return value < 0 ? "-" : String.format("%.1f", value);
  }

  /**
   * One row: nearest-rank percentiles of {@code ms}; an aim of 0 or less has no ratio; the server's CPU per
   * sample and the items offered are shown when not negative.
   */
  private void row(String what, double[] ms, double aim, double cpu, int items) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double p90 = percentile(sorted, 0.90);
    out.printf("%-44s %6d %8.1f %8.1f %8.1f %8.1f %7s %8s %8s %6s%n", what, sorted.length, percentile(sorted, 0.50), p90,
        percentile(sorted, 0.99), sorted[sorted.length - 1], aim > 0 ? String.format("%.0f", aim) : "-",
        aim > 0 ? String.format("%.2f", p90 / aim) : "-", cpu < 0 ? "-" : String.format("%.1f", cpu),
        items < 0 ? "-" : Integer.toString(items));
    out.flush();
  }

  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  private static void sleepUntil(long nanos) {
    long left = nanos - System.nanoTime();
    if (left > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
