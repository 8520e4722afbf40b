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
 * <p>{@code onStart} and {@code onStop} run on the election's own (daemon) thread, once per change:
 * {@code onStop} only after an {@code onStart}. Each change is also reported as
 * {@link WatchEvent.Leadership}.
 */
public final class Leadership implements AutoCloseable {
  /** How long a lease holds without renewal: a standby takes over after at most this long. */
  public static final Duration LEASE_DURATION = Duration.ofSeconds(15);
  /** How long the leader keeps trying to renew before it stops leading. */
  public static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
  /** How often a candidate tries to acquire, and the leader to renew. */
  public static final Duration RETRY_PERIOD = Duration.ofSeconds(2);

  private final KubernetesClient client;
  private final String namespace;
  private final String lease;
  private final String identity;
  private final Runnable onStart;
  private final Runnable onStop;
  private final WatchListener events;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "clusterc-leader-election");
    thread.setDaemon(true);
    return thread;
  });
  private LeaderElector elector;
  private CompletableFuture<?> running;
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
    LeaderElectionConfig config = new LeaderElectionConfigBuilder()
        .withName("clusterc " + lease)
        .withLock(new LeaseLock(namespace, lease, identity))
        .withLeaseDuration(LEASE_DURATION)
        .withRenewDeadline(RENEW_DEADLINE)
        .withRetryPeriod(RETRY_PERIOD)
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(this::started, this::stopped, newLeader -> { }))
        .build();
    elector = new LeaderElector(client, config, executor);
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
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      current = running;
    }
    if (current != null) {
      current.cancel(true);
    }
    if (elector != null && leading.get()) {
      try {
        elector.release();
      } catch (KubernetesClientException e) {
        // the lease then simply runs out: a standby takes over after LEASE_DURATION
      }
    }
    stopped();
    executor.shutdown();
    try {
      executor.awaitTermination(RETRY_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One round of fabric8's election; when it ends (leadership lost, or an error) and we are not closing, another. */
  private synchronized void campaign() {
    if (closed) {
      return;
    }
    running = elector.start();
    running.whenComplete((ignored, failure) -> {
      stopped();
      synchronized (this) {
        if (closed) {
          return;
        }
      }
      CompletableFuture.delayedExecutor(RETRY_PERIOD.toMillis(), TimeUnit.MILLISECONDS, executor).execute(this::campaign);
    });
  }

  private void started() {
    if (!closedNow() && leading.compareAndSet(false, true)) {
      events.on(new WatchEvent.Leadership(true, identity));
      onStart.run();
    }
  }

  private void stopped() {
    if (leading.compareAndSet(true, false)) {
      events.on(new WatchEvent.Leadership(false, identity));
      onStop.run();
    }
  }

  private synchronized boolean closedNow() {
    return closed;
  }
}
