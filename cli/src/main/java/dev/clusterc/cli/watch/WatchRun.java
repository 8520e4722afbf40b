package dev.clusterc.cli.watch;

import dev.clusterc.cli.run.RuntimeEngine;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.watch.Desired;
import dev.clusterc.runtime.watch.Leadership;
import dev.clusterc.runtime.watch.Reconciler;
import dev.clusterc.runtime.watch.WatchEvent;
import dev.clusterc.runtime.watch.WatchListener;
import dev.clusterc.runtime.watch.WatchOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code clusterc apply --watch}, put together: connects, starts the status server, reads the source
 * on the loop's thread and reconciles (always, or while leading the Lease), until SIGTERM or Ctrl-C,
 * then shuts down in order: at the stop request the reconciler stops taking revisions and begins to
 * close at once (the object in flight is finished, nothing after it is applied), the loop ends without
 * handing on what it was compiling, the source stops, the reconciler's close is awaited, and only then
 * is the lease released (so no other replica reconciles while this one still writes) and the server
 * stopped. Everything it reports goes to the log and the metrics.
 */
public final class WatchRun {
  private final String version;
  private final WatchSettings settings;
  private final Supplier<Source> sources;
  private final PrintWriter out;
  private final Clock clock = Clock.systemUTC();
  private final Object lock = new Object();
  private WatchLoop loop;
  private ReconcilerSlot slot;
  private boolean stopRequested;

  /** @param sources makes the source once the cluster could be reached */
  public WatchRun(String version, WatchSettings settings, Supplier<Source> sources, PrintWriter out) {
    this.version = version;
    this.settings = settings;
    this.sources = sources;
    this.out = out;
  }

  /**
   * Runs until a signal asks it to stop; 0 after a requested stop, 2 when the loop ended otherwise.
   *
   * @throws dev.clusterc.cli.run.ClusterUnreachableException when the cluster cannot be reached at start
   * @throws IOException when the status address cannot be bound
   */
  public int run() throws IOException {
    WatchLog log = new WatchLog(out, settings.logFormat(), clock);
    WatchMetrics metrics = new WatchMetrics(clock);
    WatchListener events = event -> {
      log.on(event);
      metrics.on(event);
    };
    RunListener runs = event -> {
      log.on(event);
      metrics.on(event);
    };
    // The loop reports rejections itself (a standby logs and counts them too): the reconciler's copy would count twice.
    WatchListener fromReconciler = event -> {
      if (!(event instanceof WatchEvent.SourceRejected)) {
        events.on(event);
      }
    };
    GracefulStop stop = null;
    try (Kube kube = RuntimeEngine.connect(settings.run()); Source source = sources.get()) {
      WatchOptions defaults = WatchOptions.defaults();
      WatchOptions options = new WatchOptions(settings.run().applyOptions(), settings.run().pruneData(),
          settings.run().allowedRisks(), defaults.tick(), settings.resync(), defaults.heal());
      ReconcilerSlot slot = new ReconcilerSlot(
          () -> ReconcilerSlot.of(new Reconciler(kube.client(), version, options, runs, fromReconciler)));
      Leader leader = new Leader(kube, slot, events);
      WatchLoop loop = new WatchLoop(source, leader, events, settings.direct(), clock);
      synchronized (lock) {
        this.loop = loop;
        this.slot = slot;
        if (stopRequested) {
          slot.stop();
          loop.stop();
        }
      }
      Thread loopThread = new Thread(loop, "clusterc-watch");
      WatchProbes probes = new WatchProbes(source.origin(), loop, loopThread::isAlive, slot::status, settings.leaderElect());
      try (StatusServer server = StatusServer.start(settings.statusAddress(), probes, metrics.registry(), loop::poll)) {
        stop = GracefulStop.install(this::stop);
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("version", version);
        started.put("source", source.origin());
        started.put("status", "http://" + hostPort(server));
        started.put("leaderElection", settings.leaderElect());
        log.note("info", "started", started);
        loopThread.start();
        if (!settings.leaderElect()) {
          metrics.leadingAlone();
          slot.open();
        } else {
          settings.leaseName().ifPresent(leader::elect);
        }
        join(loopThread);
        boolean requested = stopRequested();
        log.note("info", "stopping", Map.of("requested", requested));
        shutDown(source, slot, leader::close);
        log.note(requested ? "info" : "error", "stopped",
            Map.of("reason", requested ? "requested" : "the watch loop ended unexpectedly"));
        return requested ? 0 : 2;
      }
    } finally {
      out.flush();
      if (stop != null) {
        stop.close();
      }
    }
  }

  /**
   * Asks the watch to stop (SIGTERM, Ctrl-C, or a test) without waiting: from now on nothing new is
   * applied, the reconciler begins to close, the loop ends; {@link #run} then shuts down in order and
   * returns 0. Any thread.
   */
  public void stop() {
    synchronized (lock) {
      stopRequested = true;
      if (slot != null) {
        slot.stop();
      }
      if (loop != null) {
        loop.stop();
      }
    }
  }

  /**
   * The shutdown once the loop has ended, in this order: nothing more reaches the reconciler and it
   * begins to close; the source closes; the reconciler's close is awaited (the object in flight
   * finished); only then is the lease released, so that no other replica can take over while this one
   * still writes. A reconciler whose thread outlived its close wait keeps the lease: it expires once this
   * process has ended, and only then may another replica lead.
   */
  static void shutDown(Source source, ReconcilerSlot slot, Runnable releaseLease) {
    slot.stop();
    source.close();
    slot.close();
    if (slot.stoppedCleanly()) {
      releaseLease.run();
    }
  }

  private boolean stopRequested() {
    synchronized (lock) {
      return stopRequested;
    }
  }

  private static void join(Thread thread) {
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        // the command's own thread is not interrupted by a stop; keep waiting for the loop
      }
    }
  }

  private static String hostPort(StatusServer server) {
    return server.address().getAddress().getHostAddress() + ":" + server.address().getPort();
  }

  /**
   * Leader election around the slot: without it the slot is open from the start and this passes
   * revisions through; with it a {@link Leadership} over the Lease opens the slot while leading, and
   * when no Lease name was given it is named after the cluster of the first revision that compiles.
   */
  private final class Leader implements RevisionSink, AutoCloseable {
    private final Kube kube;
    private final ReconcilerSlot slot;
    private final WatchListener events;
    private Leadership leadership;
    private boolean closed;

    Leader(Kube kube, ReconcilerSlot slot, WatchListener events) {
      this.kube = kube;
      this.slot = slot;
      this.events = events;
    }

    synchronized void elect(String lease) {
      if (leadership != null || closed) {
        return;
      }
      leadership = new Leadership(kube.client(), settings.leaseNamespace(), lease, identity(), slot::open, slot::close,
          events);
      leadership.start();
    }

    @Override
    public void submit(Desired desired) {
      slot.submit(desired);
      if (settings.leaderElect() && !stopRequested()) {
        elect("clusterc-" + desired.graph().cluster());
      }
    }

    @Override
    public void reject(String revision, String origin, List<String> diagnostics) {
      slot.reject(revision, origin, diagnostics);
    }

    @Override
    public synchronized void close() {
      closed = true;
      if (leadership != null) {
        leadership.close();
      }
    }
  }

  /** Who this process is in the Lease: the pod's name ({@code HOSTNAME}) or the host's, and a random part. */
  static String identity() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      host = ManagementFactory.getRuntimeMXBean().getName();
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
