package dev.clusterc.cli.bench;

import dev.clusterc.cli.Version;
import dev.clusterc.cli.watch.GitSettings;
import dev.clusterc.cli.watch.GitSource;
import dev.clusterc.cli.watch.ReconcilerSlot;
import dev.clusterc.cli.watch.WatchLoop;
import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.inventory.ApplySetKeys;
import dev.clusterc.runtime.inventory.ApplySetParent;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.watch.Reconciler;
import dev.clusterc.runtime.watch.SelfHeal;
import dev.clusterc.runtime.watch.WatchEvent;
import dev.clusterc.runtime.watch.WatchOptions;
import dev.clusterc.runtime.watch.WatchStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The watch side of {@code clusterc bench}: {@code clusterc apply --watch --git file://… --interval 1h}
 * run in-process on a generated cluster of plain apps, with the classes the command wires together
 * ({@link GitSource}, {@link WatchLoop}, {@link ReconcilerSlot}, {@link Reconciler}; without the status
 * server, the log and leader election), then measured from outside: how fast a Deployment scaled by
 * someone else is healed, what the reconciler sends while nothing changes, how fast a commit reaches
 * the cluster, and the memory the process holds. The reconciler's requests are counted by its own
 * connection ({@link Kube#counts()}); the bench patches and watches over a second one. Prints
 * figures; asserts nothing.
 */
final class WatchBench {
  private static final Duration FIRST_RECONCILE = Duration.ofMinutes(45);
  private static final Duration HEAL_WAIT = Duration.ofSeconds(60);
  private static final Duration COMMIT_WAIT = Duration.ofMinutes(10);
  /** After the heals, before the idle window: the Deployments scaled and back settle (ReplicaSets, pods, status). */
  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final String SCALER = "bench-scale";
  private static final String IMAGE = "ghcr.io/bench/app:1.";

  private final Path kubeconfig;
  private final String context;
  private final int parallel;
  private final int heals;
  private final Duration idle;
  private final int commits;
  private final PrintWriter out;
  private final Random random = new Random(11);

  WatchBench(Path kubeconfig, String context, int parallel, int heals, Duration idle, int commits, PrintWriter out) {
    this.kubeconfig = kubeconfig;
    this.context = context;
    this.parallel = parallel;
    this.heals = heals;
    this.idle = idle;
    this.commits = commits;
    this.out = out;
  }

  /** Generates {@code apps} apps into a repository under {@code dir}, watches it, and measures. */
  void measure(Path dir, int apps, int files) throws Exception {
    String cluster = "bench-" + apps;
    WatchOptions options = new WatchOptions(ApplyOptions.defaults().withParallelism(parallel), false, Set.of(),
        WatchOptions.DEFAULT_TICK, WatchOptions.DEFAULT_RESYNC, SelfHeal.HealPolicy.defaults());
    ProcessMemory.resetPeaks();
    try (BenchRepository repository = BenchRepository.create(dir.resolve("repo"), apps, files);
        Kube kube = Kube.connect(kubeconfig, context);
        Kube bench = Kube.connect(kubeconfig, context);
        GitSource source = new GitSource(new GitSettings(repository.url(), BenchRepository.BRANCH, "",
            Duration.ofHours(1), Optional.empty(), Optional.empty(), Optional.empty(), dir.resolve("git-cache")))) {
      out.printf("clusterc bench: apply --watch of %d apps from %s (branch %s, poll interval 1h, resync every %s, "
          + "tick %s, %d units at once) on %s%n", apps, repository.url(), BenchRepository.BRANCH,
          human(options.resync()), human(options.tick()), parallel, kube.client().getMasterUrl());
      out.printf("requests and writes: the reconciler's own connection; the bench patches and watches over another%n");
      WatchRecorder recorder = new WatchRecorder();
      ReconcilerSlot slot = new ReconcilerSlot(
          () -> ReconcilerSlot.of(new Reconciler(kube.client(), Version.NUMBER, options, recorder, recorder)));
      WatchLoop loop = new WatchLoop(source, slot, recorder, false, Clock.systemUTC());
      Thread loopThread = new Thread(loop, "clusterc-watch");
      long opened = System.nanoTime();
      loopThread.start();
      slot.open();
      try {
        Run run = new Run(kube, bench.client(), recorder, slot, source, repository, apps, files, opened, options);
        if (!run.firstReconcile()) {
          return;
        }
        double peakFirst = ProcessMemory.peakHeapMb();
        ProcessMemory.resetPeaks();
        try (DeploymentObserver observer = new DeploymentObserver(bench.client())) {
          List<Deployment> deployments = bench.client().apps().deployments().inAnyNamespace()
              .withLabel(ApplySetKeys.PART_OF, ApplySetParent.forCluster(cluster).id()).list().getItems();
          run.heals(observer, deployments);
          run.idle();
          run.commits(observer, deployments);
        }
        run.memory(peakFirst);
      } finally {
        loop.stop();
        loopThread.join();
        slot.close();
      }
    }
  }

  /** One size's measurements, phase by phase. */
  private final class Run {
    private final Kube kube;
    private final KubernetesClient bench;
    private final WatchRecorder recorder;
    private final ReconcilerSlot slot;
    private final GitSource source;
    private final BenchRepository repository;
    private final int apps;
    private final int files;
    private final long opened;
    private final WatchOptions options;

    Run(Kube kube, KubernetesClient bench, WatchRecorder recorder, ReconcilerSlot slot, GitSource source,
        BenchRepository repository, int apps, int files, long opened, WatchOptions options) {
      this.kube = kube;
      this.bench = bench;
      this.recorder = recorder;
      this.slot = slot;
      this.source = source;
      this.repository = repository;
      this.apps = apps;
      this.files = files;
      this.opened = opened;
      this.options = options;
    }

    /** Waits for the first revision to be applied (a full apply from empty); whether it was. */
    boolean firstReconcile() throws InterruptedException {
      Optional<WatchRecorder.Heard> done = recorder.await(0,
          e -> e instanceof WatchEvent.Reconciled r && r.ok(), FIRST_RECONCILE);
      RequestCounts sent = kube.counts();
      long failed = recorder.since(0).stream()
          .filter(h -> h.event() instanceof WatchEvent.Reconciled r && !r.ok()).count();
      if (done.isEmpty()) {
        WatchStatus status = slot.status().orElse(null);
        row("first reconcile", "NOT converged in " + human(FIRST_RECONCILE) + " (" + failed + " failed attempts; "
            + (status == null ? "no reconciler" : "last error: " + status.lastError()) + "); stopping here");
        return false;
      }
      WatchEvent.Reconciled r = (WatchEvent.Reconciled) done.get().event();
      row("objects managed", String.valueOf(slot.status().map(WatchStatus::objects).orElse(0)));
      row("first reconcile (apply from empty)", String.format("%.1f s from start (the reconcile itself %.1f s: "
          + "%d created, every Deployment waited for until available), %d requests, %d writes, %d dry runs%s; load %s",
          seconds(done.get().at() - opened), r.took().toMillis() / 1000.0, r.created(), sent.requests(),
          sent.writes(), sent.dryRuns(), failed == 0 ? "" : ", after " + failed + " failed attempts",
          ProcessMemory.loadAverage()));
      return true;
    }

    /** Scales {@code heals} random Deployments to one more replica as another manager, one at a time, and times the heal. */
    void heals(DeploymentObserver observer, List<Deployment> deployments) throws Exception {
      List<Deployment> targets = new ArrayList<>(deployments);
      Collections.shuffle(targets, random);
      targets = targets.subList(0, Math.min(heals, targets.size()));
      List<Double> seen = new ArrayList<>();
      List<Double> own = new ArrayList<>();
      int missed = 0;
      int backOffs = 0;
      int mark = recorder.mark();
      RequestCounts before = kube.counts();
      PatchContext patch = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager(SCALER).build();
      for (Deployment target : targets) {
        String namespace = target.getMetadata().getNamespace();
        String name = target.getMetadata().getName();
        int original = target.getSpec().getReplicas() == null ? 1 : target.getSpec().getReplicas();
        int one = recorder.mark();
        CompletableFuture<Long> back = observer.expect(namespace, name,
            DeploymentObserver.scaledAndBack(original + 1, original));
        long sent = System.nanoTime();
        bench.apps().deployments().inNamespace(namespace).withName(name)
            .patch(patch, "{\"spec\":{\"replicas\":" + (original + 1) + "}}");
        try {
          seen.add(seconds(back.get(HEAL_WAIT.toMillis(), TimeUnit.MILLISECONDS) - sent));
        } catch (TimeoutException | ExecutionException e) {
          missed++;
          observer.forget(namespace, name);
        }
        Optional<WatchRecorder.Heard> healed = recorder.await(one, e -> (e instanceof WatchEvent.DriftHealed h
            && h.object().name().equals(name) && namespace.equals(h.object().namespace()))
            || (e instanceof WatchEvent.HealBackOff b && b.object().name().equals(name)), Duration.ofSeconds(5));
        if (healed.isPresent() && healed.get().event() instanceof WatchEvent.DriftHealed h) {
          own.add(h.latency().toNanos() / 1e9);
        } else if (healed.isPresent()) {
          backOffs++;
        }
      }
      RequestCounts sent = kube.counts().minus(before);
      long healedEvents = recorder.since(mark).stream().filter(h -> h.event() instanceof WatchEvent.DriftHealed).count();
      out.printf("%ndrift heal: %d random Deployments, one at a time, spec.replicas set to %s by field manager %s "
          + "(JSON merge patch); latency from the PATCH sent to the healed spec.replicas seen by the bench's watch%n",
          targets.size(), "original + 1", SCALER);
      row("heal latency (seen by the bench)", percentiles(seen) + (missed == 0 ? "" : "; " + missed
          + " not healed within " + human(HEAL_WAIT)));
      row("heal latency (reconciler's DriftHealed)", percentiles(own) + " (from the informer's event to the "
          + "heal's answer)" + (backOffs == 0 ? "" : "; " + backOffs + " backed off"));
      row("reconciler requests, heal phase", String.format("%d requests, %d writes for %d heals (%.1f requests, "
          + "%.1f writes per heal); load %s", sent.requests(), sent.writes(), healedEvents,
          healedEvents == 0 ? 0.0 : (double) sent.requests() / healedEvents,
          healedEvents == 0 ? 0.0 : (double) sent.writes() / healedEvents, ProcessMemory.loadAverage()));
    }

    /** Counts what the reconciler sends while nothing changes, over the idle window. */
    void idle() throws InterruptedException {
      Thread.sleep(SETTLE.toMillis());
      RequestCounts before = kube.counts();
      int mark = recorder.mark();
      long start = System.nanoTime();
      Thread.sleep(idle.toMillis());
      long end = System.nanoTime();
      RequestCounts sent = kube.counts().minus(before);
      double hours = (end - start) / 3.6e12;
      long resyncs = resyncsBetween(start, end);
      out.printf("%nidle: %s with nothing changing (after %s for the heal phase's rollouts to settle)%n",
          human(idle), human(SETTLE));
      row("idle requests", String.format("%d requests, %d writes, %d dry runs in %s = %.0f requests, %.0f writes per "
          + "hour (extrapolated)", sent.requests(), sent.writes(), sent.dryRuns(), human(idle), sent.requests() / hours,
          sent.writes() / hours));
      row("idle window and resync", String.format("%d full resync(s) due in the window (one every %s, a LIST per kind); "
          + "the tick reads the parent every %s", resyncs, human(options.resync()), human(options.tick())));
      Map<String, Long> events = recorder.since(mark).stream().collect(Collectors.groupingBy(
          h -> h.event().getClass().getSimpleName(), TreeMap::new, Collectors.counting()));
      row("idle events", events.isEmpty() ? "none" : events.toString());
      recorder.since(mark).stream().filter(h -> !(h.event() instanceof WatchEvent.Managed)).limit(10)
          .forEach(h -> row("  event", h.event().toString()));
    }

    /** Commits changes to one app each, and a comment, and times how fast the cluster follows. */
    void commits(DeploymentObserver observer, List<Deployment> deployments) throws Exception {
      out.printf("%ncommit reaction: commit to the file:// repository, then pollNow() (as POST /poll); times from the "
          + "poll%n");
      out.printf("%-8s %-26s %10s %13s %13s %9s %7s %s%n", "commit", "change", "live (s)", "reconciled (s)",
          "reconcile (s)", "requests", "writes", "objects written by the run");
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < apps; i++) {
        indexes.add(i);
      }
      Collections.shuffle(indexes, random);
      double[] live = new double[commits];
      for (int c = 0; c < commits; c++) {
        int app = indexes.get(c % indexes.size());
        String image = IMAGE + app;
        Deployment target = deployments.stream()
            .filter(d -> image.equals(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()))
            .findFirst().orElseThrow(() -> new IllegalStateException("no Deployment runs " + image));
        String changed = image + "-c" + (c + 1);
        String file = String.format("apps-%03d.cluster", app % files);
        String declared = "app s%d-app%d { image \"%s\"".formatted(apps, app, image);
        CompletableFuture<Long> shown = observer.expect(target.getMetadata().getNamespace(),
            target.getMetadata().getName(), DeploymentObserver.runs(changed));
        Measured m = commitAndPoll(file, text -> text.replace(declared, "app s%d-app%d { image \"%s\"".formatted(apps, app,
            changed)), "bench: app " + app + " runs " + changed);
        Double at;
        try {
          at = seconds(shown.get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS) - m.polled());
        } catch (TimeoutException | ExecutionException e) {
          at = null;
          observer.forget(target.getMetadata().getNamespace(), target.getMetadata().getName());
        }
        live[c] = at == null ? Double.NaN : at;
        commitRow(String.valueOf(c + 1), "image of s" + apps + "-app" + app, at, m);
      }
      if (commits > 0) {
        double[] known = Arrays.stream(live).filter(v -> !Double.isNaN(v)).toArray();
        out.printf("%-8s %-26s %10s%n", "median", "", known.length == 0 ? "-" : String.format("%.2f", median(known)));
      }
      Measured comment = commitAndPoll("apps-000.cluster", text -> text + "# a comment: compiles to nothing\n",
          "bench: a comment");
      commitRow("comment", "a comment (nothing compiled)", null, comment);
      out.printf("(writes of the comment commit: the parent's revision annotation; objects written by the run: "
          + "should be 0)%n");
    }

    private record Measured(long polled, WatchEvent.Reconciled reconciled, long reconciledAt, RequestCounts sent,
        long objectWrites) {}

    private Measured commitAndPoll(String file, java.util.function.UnaryOperator<String> edit, String message)
        throws Exception {
      int mark = recorder.mark();
      RequestCounts before = kube.counts();
      long writesBefore = recorder.objectWrites();
      String revision = repository.commit(file, edit, message);
      long polled = System.nanoTime();
      source.pollNow();
      Optional<WatchRecorder.Heard> done = recorder.await(mark,
          e -> e instanceof WatchEvent.Reconciled r && r.revision().equals(revision), COMMIT_WAIT);
      return new Measured(polled, done.map(h -> (WatchEvent.Reconciled) h.event()).orElse(null),
          done.map(WatchRecorder.Heard::at).orElse(0L), kube.counts().minus(before),
          recorder.objectWrites() - writesBefore);
    }

    private void commitRow(String commit, String change, Double live, Measured m) {
      WatchEvent.Reconciled r = m.reconciled();
      String reconciled = r == null ? "not in " + human(COMMIT_WAIT) : String.format("%.2f", seconds(m.reconciledAt()
          - m.polled()));
      String took = r == null ? "-" : String.format("%.2f", r.took().toNanos() / 1e9);
      String result = r == null ? "-" : (r.ok() ? "" : "FAILED: " + r.error() + "; ") + m.objectWrites()
          + " (" + r.created() + " created, " + r.configured() + " configured, " + r.pruned() + " pruned)";
      out.printf("%-8s %-26s %10s %13s %13s %9d %7d %s%n", commit, change, live == null ? "-" : String.format("%.2f", live),
          reconciled, took, m.sent().requests(), m.sent().writes(), result);
      out.flush();
    }

    /** The process's memory with the reconciler running, and what closing the reconciler frees. */
    void memory(double peakFirst) {
      double peakSteady = ProcessMemory.peakHeapMb();
      int objects = slot.status().map(WatchStatus::objects).orElse(0);
      double running = ProcessMemory.heapAfterGcMb();
      String rss = ProcessMemory.rss();
      String hwm = ProcessMemory.peakRss();
      String outside = ProcessMemory.outsideHeap();
      slot.close();
      double closed = ProcessMemory.heapAfterGcMb();
      out.printf("%nmemory of this process (the watch: Git source, compiler, reconciler; and the bench's driver)%n");
      row("heap in use after GC, watching", String.format("%.0f MB (%.0f MB of it freed by closing the reconciler: "
          + "its informer caches, baselines and applied state of %d objects; a rough figure)", running, running - closed, objects));
      row("peak heap (sum of pool peaks)", String.format("%.0f MB up to the first reconcile (compile, apply from empty); "
          + "%.0f MB after it (heals, idle, commits)", peakFirst, peakSteady));
      row("resident set", "now " + rss + ", peak (VmHWM) " + hwm + "; JVM max heap "
          + Runtime.getRuntime().maxMemory() / 1048576 + " MB");
      row("outside the heap", outside);
      out.flush();
    }

    /** How many resync runs were due between two instants ({@link System#nanoTime()}), counting from the reconciler's start. */
    private long resyncsBetween(long start, long end) {
      long every = options.resync().toNanos();
      return Math.max(0, (end - opened) / every - (start - opened) / every);
    }
  }

  private void row(String what, String value) {
    out.printf("%-42s %s%n", what, value);
    out.flush();
  }

  /** p50, p90, p99 and max of {@code values} (seconds), by nearest rank. */
  static String percentiles(List<Double> values) {
    if (values.isEmpty()) {
      return "none measured";
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format("p50 %.2f s, p90 %.2f s, p99 %.2f s, max %.2f s (n=%d)", rank(sorted, 0.50), rank(sorted, 0.90),
        rank(sorted, 0.99), sorted[sorted.length - 1], sorted.length);
  }

  private static double rank(double[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double median(double[] values) {
    return WholeProcess.median(values);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
  }
}
