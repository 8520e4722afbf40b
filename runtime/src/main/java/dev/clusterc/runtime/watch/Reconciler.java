package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.apply.ClusterApply;
import dev.clusterc.runtime.apply.DaemonThreads;
import dev.clusterc.runtime.apply.RunSummary;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.inventory.ApplySetParent;
import dev.clusterc.runtime.kube.RequestFailure;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loop of {@code apply --watch}: takes each new {@link Desired} state and applies what changed.
 *
 * <p>One daemon thread does everything, one step at a time: reconciles, self-heal's checks (through
 * the executor it is given), the periodic resync, the changes of the suspend flag (the parent is
 * watched: a suspend takes effect at once, a resume reconciles at once), and a tick that retries a
 * failed reconcile (and reads the flag itself only while the parent's watch is down). Self-heal's
 * back-offs and failed heals are also posted as Warning Events on the parent. The first reconcile after {@link #start()} (and after a resume) is a full
 * {@link ClusterApply}; later ones skip the objects whose desired state equals what was applied last:
 * no read, dry run or health wait for them. Objects a reconcile plans carry the new revision
 * ({@value Kinds#REVISION}); since the plan ignores that annotation, only the objects that really
 * change are written, and so keep the revision that last changed them. The parent records the
 * revision applied last. A failed reconcile keeps the last good state and is tried again when its
 * back-off ({@link RetryBackOff}) ends, the tick being a backstop; a newer submit is tried at once. A reconciler applies one
 * cluster, the one its first Desired names: a later Desired naming another is refused like a source
 * that does not check, since its objects would join another ApplySet and leave the first one's behind.
 */
public final class Reconciler implements AutoCloseable {
  /** How long {@link #close()} waits for the object in flight. */
  static final Duration CLOSE_WAIT = Duration.ofMinutes(1);

  private final KubernetesClient client;
  private final WatchOptions options;
  private final WatchListener events;
  private final AtomicReference<Desired> latest = new AtomicReference<>();
  private final List<Runnable> beforeStart = new ArrayList<>();

  private final RevisionApply revisions;

  // only on the loop's thread
  private boolean full = true;
  private int failures;
  private long retryAt = System.nanoTime();
  private Boolean suspendSeen;
  private String cluster;
  /** The last Desired that named {@link #cluster}, or {@code null}. */
  private Desired accepted;
  private volatile SelfHeal selfHeal; // closed from close()'s thread too
  private ClusterEvents clusterEvents;
  private volatile ParentWatch parentWatch;
  private String watchedCluster;
  /** Failed starts of the parent's watch in a row, and when the next may be tried. */
  private int parentWatchFailures;
  private long parentWatchAt = System.nanoTime();

  private volatile ScheduledThreadPoolExecutor loop;
  private volatile boolean closing;
  private volatile boolean stoppedCleanly = true;

  // what status() reports
  private volatile Desired done;
  private volatile String lastError;
  private volatile List<String> rejected = List.of();
  private volatile boolean suspended;
  private volatile int objects;

  /**
   * @param client the connection
   * @param version clusterc's version, for the ApplySet's tooling annotation
   * @param options how it applies, ticks, resyncs and heals
   * @param runs receives every reconcile's run events
   * @param events receives what the watch reports
   */
  public Reconciler(KubernetesClient client, String version, WatchOptions options, RunListener runs,
      WatchListener events) {
    this.client = client;
    this.options = options;
    this.events = events;
    this.revisions = new RevisionApply(client, version, options, runs);
  }

  /** Starts the loop's thread; a Desired submitted before is reconciled now. */
  public void start() {
    synchronized (beforeStart) {
      if (loop != null) {
        throw new IllegalStateException("the reconciler was started already");
      }
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("watch"));
      executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
      long tick = options.tick().toMillis();
      long resync = options.resync().toMillis();
      executor.scheduleWithFixedDelay(guarded(this::tick), tick, tick, TimeUnit.MILLISECONDS);
      executor.scheduleWithFixedDelay(guarded(this::resync), resync, resync, TimeUnit.MILLISECONDS);
      loop = executor;
      beforeStart.forEach(this::serially);
      beforeStart.clear();
    }
  }

  /** A new state to reach, from any thread; one not started yet is replaced by a newer one. */
  public void submit(Desired desired) {
    latest.set(desired);
    rejected = List.of();
    serially(() -> attempt(true));
  }

  /**
   * A revision of the source that does not check, from any thread: nothing is applied; reported as
   * {@link WatchEvent.SourceRejected}, in {@link #status()}, and as a Warning Event (reason
   * {@code SourceRejected}) on the parent of the cluster this reconciler applies.
   */
  public void reject(String revision, String origin, List<String> diagnostics) {
    List<String> copy = List.copyOf(diagnostics);
    rejected = copy;
    serially(() -> {
      emit(new WatchEvent.SourceRejected(revision, copy));
      ClusterEvents posted = clusterEvents();
      if (posted != null) {
        posted.warning("SourceRejected", "Revision " + revision + " from " + origin
            + " does not check, so nothing of it is applied and the last good state stays: " + firstOf(copy));
      }
    });
  }

  /** Where it stands; from any thread. */
  public WatchStatus status() {
    Desired wanted = latest.get();
    Desired applied = done;
    String error = lastError;
    boolean pending = wanted != null && wanted != applied;
    return new WatchStatus(applied == null ? null : applied.revision(), pending ? wanted.revision() : null, error,
        rejected, suspended, objects, wanted != null && !pending && error == null);
  }

  /**
   * Stops: a running apply stops between objects (the object in flight is finished, and the inventory
   * is only narrowed after a complete run, so the next start converges), self-heal stops, the thread
   * ends. Waits at most {@link #CLOSE_WAIT} for that; {@link #stoppedCleanly()} then says whether it
   * ended.
   */
  @Override
  public void close() {
    closing = true;
    revisions.cancel();
    SelfHeal heal = selfHeal;
    if (heal != null) {
      heal.close(); // without waiting: a heal running now finds it closed before it writes
    }
    ScheduledThreadPoolExecutor executor = loop;
    if (executor != null) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          stoppedCleanly = false;
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        stoppedCleanly = executor.isTerminated();
        executor.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    heal = selfHeal;
    if (heal != null) {
      heal.close(); // one the loop made meanwhile
    }
    ParentWatch watch = parentWatch;
    if (watch != null) {
      watch.close();
    }
  }

  /**
   * After {@link #close()}: whether the loop's thread ended within {@link #CLOSE_WAIT}. When it did not,
   * it may still write (a request that hangs): whoever holds a lease for it should keep holding it
   * until the process ends. True before {@code close()}.
   */
  public boolean stoppedCleanly() {
    return stoppedCleanly;
  }

  /** Runs {@code task} on the loop's thread (after {@link #start()}, if not started yet); dropped once closing. */
  private void serially(Runnable task) {
    synchronized (beforeStart) {
      if (loop == null) {
        beforeStart.add(task);
        return;
      }
    }
    if (closing) {
      return;
    }
    try {
      loop.execute(guarded(task));
    } catch (RejectedExecutionException e) {
      // closed meanwhile: nothing more to do
    }
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      if (closing) {
        return;
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        lastError = "unexpected error: " + RequestFailure.withCause(e);
      }
    };
  }

  /** Reads the suspend flag unless the parent's watch reports it, then retries a failed or waiting reconcile once due. */
  private void tick() {
    if (cluster == null) {
      return;
    }
    if (!watchParent()) {
      try {
        noteSuspension(Suspension.of(ParentAnnotations.read(client, cluster)));
      } catch (KubernetesClientException e) {
        // the attempt below, if one is due, fails and backs off; else the next tick reads again
      }
    }
    if (!suspended) {
      attempt(false);
    }
  }

  /** Keeps the parent of the cluster applied watched; whether the watch reports its suspend flag now. */
  private boolean watchParent() {
    if (parentWatch != null && (!cluster.equals(watchedCluster) || !parentWatch.running())) {
      if (parentWatch.running()) {
        parentWatchFailures = 0; // another cluster: not a failure
      } else {
        parentWatchFailures++;
        parentWatchAt = System.nanoTime() + RetryBackOff.delay(options.tick(), parentWatchFailures,
            RetryBackOff.MAX).toNanos();
      }
      parentWatch.close();
      parentWatch = null;
    }
    if (parentWatch == null && !closing && System.nanoTime() - parentWatchAt >= 0) {
      try {
        parentWatch = ParentWatch.start(client, cluster, now -> serially(() -> {
          if (!noteSuspension(now)) {
            attempt(false); // a resume reconciles at once
          }
        }));
        watchedCluster = cluster;
      } catch (KubernetesClientException e) {
        parentWatchFailures++;
        parentWatchAt = System.nanoTime() + RetryBackOff.delay(options.tick(), parentWatchFailures,
            RetryBackOff.MAX).toNanos();
        return false;
      }
    }
    if (parentWatch != null && parentWatch.watching()) {
      parentWatchFailures = 0; // it came up: a later stop starts the back-off afresh
      return true;
    }
    return false;
  }

  private void resync() {
    if (selfHeal != null && !suspended && done != null) {
      selfHeal.resync();
    }
  }

  /** Reconciles the latest Desired if there is something to do and, unless {@code now}, a retry is due. */
  private void attempt(boolean now) {
    Desired desired = latest.get();
    if (desired == null || (desired == done && !full && lastError == null)) {
      return;
    }
    if (!now && System.nanoTime() - retryAt < 0) {
      return;
    }
    long start = System.nanoTime();
    if (cluster != null && !cluster.equals(desired.graph().cluster())) {
      refuseOtherCluster(desired);
      return;
    }
    cluster = desired.graph().cluster();
    accepted = desired;
    ConfigMap parent;
    try {
      parent = ParentAnnotations.read(client, cluster);
    } catch (KubernetesClientException e) {
      failed(desired, RequestFailure.describe(e), null, start);
      return;
    }
    if (noteSuspension(Suspension.of(parent))) {
      return;
    }
    reconcile(desired, ParentAnnotations.get(parent, Kinds.REVISION), start);
  }

  /**
   * A Desired naming another cluster than the one this reconciler applies: its objects would join
   * another ApplySet while the old one's stay behind, so nothing of it is applied. Reported as a
   * rejected source (event, status, Warning Event on the parent of the cluster applied); the last
   * Desired of this cluster stays the one to reach.
   */
  private void refuseOtherCluster(Desired desired) {
    String message = "this watch applies cluster " + cluster + "; revision " + desired.revision() + " from "
        + desired.origin() + " names cluster " + desired.graph().cluster()
        + ", which needs a new watch: nothing of it is applied";
    List<String> diagnostics = List.of(message);
    latest.compareAndSet(desired, accepted);
    rejected = diagnostics;
    emit(new WatchEvent.SourceRejected(desired.revision(), diagnostics));
    ClusterEvents posted = clusterEvents();
    if (posted != null) {
      posted.warning("SourceRejected", message);
    }
  }

  /** Records the suspend flag; reports a change, pauses or resumes self-heal. Whether suspended. */
  private boolean noteSuspension(boolean now) {
    boolean changed = suspendSeen == null ? now : suspendSeen != now;
    boolean resumed = Boolean.TRUE.equals(suspendSeen) && !now;
    suspendSeen = now;
    suspended = now;
    if (changed) {
      emit(new WatchEvent.Suspension(now));
      if (selfHeal != null) {
        selfHeal.pause(now);
      }
    }
    if (resumed) {
      full = true;
      retryAt = System.nanoTime();
    }
    return now;
  }

  /** @param recorded the revision the parent records now, or {@code null} */
  private void reconcile(Desired desired, String recorded, long start) {
    watchParent(); // from the first reconcile on, a suspend is noticed at once
    RevisionApply.Outcome outcome = revisions.run(desired, full);
    if (outcome.keep() != null && !closing) {
      heal().desire(outcome.keep(), outcome.written());
    }
    if (outcome.stopped()) {
      emit(reconciled(desired, outcome.summary(), false, "stopped", start));
      return;
    }
    if (!outcome.ok()) {
      failed(desired, outcome.error(), outcome.summary(), start);
      return;
    }
    try {
      if (!desired.revision().equals(recorded)) {
        ParentAnnotations.set(client, cluster, Kinds.REVISION, desired.revision());
      }
    } catch (RuntimeException e) {
      failed(desired, "the revision could not be recorded on the parent: " + RequestFailure.withCause(e),
          outcome.summary(), start);
      return;
    }
    full = false;
    failures = 0;
    retryAt = System.nanoTime();
    lastError = null;
    done = desired;
    objects = revisions.objects();
    emit(reconciled(desired, outcome.summary(), true, null, start));
    emit(new WatchEvent.Managed(objects));
  }

  private void failed(Desired desired, String error, RunSummary summary, long start) {
    failures++;
    Duration wait = RetryBackOff.delay(options.tick(), failures, RetryBackOff.MAX);
    retryAt = System.nanoTime() + wait.toNanos();
    retryAfter(wait);
    lastError = error;
    emit(reconciled(desired, summary, false, error, start));
    ClusterEvents posted = clusterEvents();
    if (posted != null) {
      posted.warning("ReconcileFailed", "Revision " + desired.revision()
          + " could not be applied; the last good state stays and it is tried again: " + error);
    }
  }

  /**
   * Tries again once {@code wait} is over rather than on the first tick after it, which may come almost
   * a tick later (an API server back within seconds would wait up to two ticks). The tick stays the
   * backstop; an attempt that finds the retry not due, or nothing to do, does nothing.
   */
  private void retryAfter(Duration wait) {
    ScheduledThreadPoolExecutor executor = loop;
    if (executor == null || closing) {
      return;
    }
    try {
      executor.schedule(guarded(() -> {
        if (!suspended) {
          attempt(false);
        }
      }), wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private static WatchEvent.Reconciled reconciled(Desired desired, RunSummary summary, boolean ok, String error,
      long start) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (summary == null) {
      return new WatchEvent.Reconciled(desired.revision(), 0, 0, 0, 0, ok, error, took);
    }
    return new WatchEvent.Reconciled(desired.revision(), summary.count(Change.CREATED),
        summary.count(Change.CONFIGURED) + summary.count(Change.RECREATED), summary.count(Change.UNCHANGED),
        summary.pruned(), ok, error, took);
  }

  private SelfHeal heal() {
    if (selfHeal == null) {
      Executor serial = this::serially;
      selfHeal = new SelfHeal(client, ApplySetParent.forCluster(cluster).id(), options.heal(), serial,
          this::healReported);
      selfHeal.pause(suspended);
    }
    return selfHeal;
  }

  /**
   * Self-heal's reports (on the loop's thread): passed on; a back-off or a failed heal is also posted
   * as a Warning Event on the parent, naming the object, the fields and the manager. The message leaves
   * out what changes from one report to the next (attempts, waits), so a repeat bumps its count.
   */
  private void healReported(WatchEvent event) {
    emit(event);
    ClusterEvents posted = clusterEvents();
    if (posted == null) {
      return;
    }
    if (event instanceof WatchEvent.HealBackOff e) {
      String what = "(deleted)".equals(e.fields()) ? " keeps being deleted"
          : " keeps being changed by field manager " + e.manager() + " (" + e.fields() + ")";
      posted.warning("HealBackOff", e.object() + what + "; self-heal backs off instead of fighting over it. Stop"
          + " the other writer, or leave the field to it with ignore-drift.");
    } else if (event instanceof WatchEvent.HealFailed e) {
      posted.warning("HealFailed", e.object() + " could not be healed; tried again later: " + e.reason());
    }
  }

  /** The Events of the cluster applied, or {@code null} before the first Desired named it. */
  private ClusterEvents clusterEvents() {
    if (clusterEvents == null && cluster == null && latest.get() != null) {
      cluster = latest.get().graph().cluster();
    }
    if (clusterEvents == null && cluster != null) {
      clusterEvents = new ClusterEvents(client, cluster);
    }
    return clusterEvents;
  }

  private void emit(WatchEvent event) {
    try {
      events.on(event);
    } catch (RuntimeException e) {
      // a listener's failure never stops the loop
    }
  }

  /** The first diagnostics, for an Event's message. */
  private static String firstOf(List<String> diagnostics) {
    int shown = Math.min(3, diagnostics.size());
    String first = String.join("; ", diagnostics.subList(0, shown));
    return diagnostics.size() > shown ? first + " (and " + (diagnostics.size() - shown) + " more)" : first;
  }
}
