package dev.clusterc.runtime.watch;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which of several reconcilers of one cluster applies: the one holding a coordination.k8s.io/v1
 * Lease (fabric8's {@link LeaderElector} with a {@link LeaseLock}), the others standing by, ready to
 * take over once the lease runs out. A leader that loses the lease (its renewals failed for
 * {@link #RENEW_DEADLINE}) stops leading and joins the election again as a standby; {@link #close()}
 * gives the lease up at once, so that a standby takes over within {@link #RETRY_PERIOD} instead of
 * {@link #LEASE_DURATION}.
 *
 * <p>{@code onStart} and {@code onStop} run in order on a daemon thread of their own (never the
 * election's, so a slow one delays no renewal), once per change: {@code onStop} only after an
 * {@code onStart}; each change is reported as {@link WatchEvent.Leadership} just before. After
 * {@link #close()} returns, the last {@code onStop} has run (or a minute has passed).
 */
public final class Leadership implements AutoCloseable {
  /** How long a lease holds without renewal: a standby takes over after at most this long. */
  public static final Duration LEASE_DURATION = Duration.ofSeconds(15);
  /** How long the leader keeps trying to renew before it stops leading. */
  public static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
  /** How often a candidate tries to acquire, and the leader to renew. */
  public static final Duration RETRY_PERIOD = Duration.ofSeconds(2);
  /** The thread onStart and onStop run on. */
  private static final String CALLBACKS = "clusterc-leadership";
  /** How long {@link #close()} waits for onStop to finish. */
  private static final Duration CALLBACKS_DONE = Duration.ofMinutes(1);

  private final KubernetesClient client;
  private final String namespace;
  private final String lease;
  private final String identity;
  private final Runnable onStart;
  private final Runnable onStop;
  private final WatchListener events;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> daemon(runnable, "clusterc-leader-election"));
  /** Runs onStart, onStop and the events, in order, off the election's threads: a slow onStart never delays a renewal. */
  private final ExecutorService callbacks = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, CALLBACKS));
  /** The election of the current campaign: fabric8's elector is good for one term, so each campaign makes one. */
  private LeaderElector elector;
  private CompletableFuture<?> running;
  /** Counts campaigns, so that a callback of an ended one changes nothing. */
  private int campaign;
  private boolean restarting;
  private boolean started;
  private boolean closed;

  /**
   * @param namespace where the Lease lives ({@code clusterc-system} in the cluster)
   * @param lease the Lease's name, one per cluster
   * @param identity this candidate's name in the Lease's {@code holderIdentity} (the pod's name)
   */
  public Leadership(KubernetesClient client, String namespace, String lease, String identity, Runnable onStart, Runnable onStop,
      WatchListener events) {
    this.client = client;
    this.namespace = namespace;
    this.lease = lease;
    this.identity = identity;
    this.onStart = onStart;
    this.onStop = onStop;
    this.events = events;
  }

  /** Joins the election and returns at once; the election runs on a daemon thread until {@link #close()}. */
  public synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    campaign();
  }

  /** Whether this candidate holds the lease now. */
  public boolean leading() {
    return leading.get();
  }

  /** Leaves the election: a leader gives the lease up (so a standby takes over at once) and stops leading. */
  @Override
  public void close() {
    CompletableFuture<?> current;
    LeaderElector last;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      current = running;
      last = elector;
    }
    if (current != null) {
      current.cancel(true); // with release-on-cancel, a leader gives the lease up here
    }
    if (last != null && leading.get()) {
      try {
        last.release();
      } catch (KubernetesClientException e) {
        // the lease then simply runs out: a standby takes over after LEASE_DURATION
      }
    }
    stopped();
    executor.shutdown();
    callbacks.shutdown();
    try {
      executor.awaitTermination(RETRY_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
      if (!Thread.currentThread().getName().equals(CALLBACKS)) {
        callbacks.awaitTermination(CALLBACKS_DONE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One term: a fresh elector that acquires the lease and renews it. It ends when renewing fails
   * (the future completes, or, when the API server cannot even be asked, only the stop callback
   * comes): then this candidate stops leading and, {@link #RETRY_PERIOD} later, campaigns again.
   */
  private synchronized void campaign() {
    if (closed) {
      return;
    }
    int term = ++campaign;
    LeaderElectionConfig config = new LeaderElectionConfigBuilder()
        .withName("clusterc " + lease)
        .withLock(new LeaseLock(namespace, lease, identity))
        .withLeaseDuration(LEASE_DURATION)
        .withRenewDeadline(RENEW_DEADLINE)
        .withRetryPeriod(RETRY_PERIOD)
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(() -> started(term), () -> ended(term), newLeader -> { }))
        .build();
    elector = new LeaderElector(client, config, executor);
    running = elector.start();
    running.whenComplete((ignored, failure) -> ended(term));
  }

  /** The term {@code term} ended: stop leading, and campaign again after a pause (once per term). */
  private void ended(int term) {
    CompletableFuture<?> over;
    synchronized (this) {
      if (term != campaign || closed || restarting) {
        return;
      }
      restarting = true;
      over = running;
    }
    stopped();
    over.cancel(true);
    try {
      CompletableFuture.delayedExecutor(RETRY_PERIOD.toMillis(), TimeUnit.MILLISECONDS, executor).execute(() -> {
        synchronized (this) {
          restarting = false;
        }
        campaign();
      });
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private void started(int term) {
    synchronized (this) {
      if (term != campaign || closed) {
        return;
      }
    }
    if (leading.compareAndSet(false, true)) {
      callback(new WatchEvent.Leadership(true, identity), onStart);
    }
  }

  private void stopped() {
    if (leading.compareAndSet(true, false)) {
      callback(new WatchEvent.Leadership(false, identity), onStop);
    }
  }

  private void callback(WatchEvent event, Runnable action) {
    try {
      callbacks.execute(() -> {
        events.on(event);
        action.run();
      });
    } catch (RejectedExecutionException e) {
      // closing: close() ran the last stop already
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
