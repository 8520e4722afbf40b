package dev.clusterc.cli.run;

import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.apply.ClusterApply;
import dev.clusterc.runtime.apply.ConsequencesRefused;
import dev.clusterc.runtime.apply.PlanStopped;
import dev.clusterc.runtime.apply.Review;
import dev.clusterc.runtime.apply.UnitPlan;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.inventory.Consequence;
import dev.clusterc.runtime.inventory.InventoryException;
import dev.clusterc.runtime.inventory.Risk;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.ObjectChange;
import dev.clusterc.runtime.kube.ObjectRefused;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine of {@code clusterc}: the runtime's {@link ClusterApply} (review, apply, inventory and prune) over a
 * connection made as kubectl makes it ({@link Kube#connect}). A connection that fails (refused,
 * unknown host, TLS, a kubeconfig that is not there) becomes {@link ClusterUnreachableException};
 * an object the API server rejects, {@link RunFailedException}.
 */
public final class RuntimeEngine implements Engine {
  /** How often a run looks at the stop flag Ctrl-C sets, to cancel the applier. */
  private static final long STOP_POLL_MILLIS = 100;
  /** How long the first connection to the API server may take. */
  private static final int PROBE_TIMEOUT_MILLIS = 10_000;

  private final String version;

  /** @param version clusterc's release, recorded in the cluster's ApplySet as the tool that owns it */
  public RuntimeEngine(String version) {
    this.version = version;
  }

  @Override
  public PlanResult plan(UnitGraph graph, RunSettings settings, RunListener listener, AtomicBoolean stop) {
    try (Kube kube = connect(settings)) {
      List<RunEvent> pruned = new ArrayList<>();
      ClusterApply run = new ClusterApply(kube.client(), version);
      Review review;
      Thread watcher = watch(stop, run);
      try {
        review = run.review(graph, settings.parallel(), settings.pruneData(), pruned::add);
      } finally {
        watcher.interrupt();
      }
      Map<ObjectId, String> diffs = new HashMap<>();
      for (UnitPlan unit : review.plan().units()) {
        for (ObjectChange change : unit.changes()) {
          listener.on(new RunEvent.ObjectDone(unit.unit(), change.object(), change.change(), detail(change)));
          if (!change.diff().isEmpty()) {
            diffs.put(change.object(), change.diff());
          }
        }
      }
      pruned.forEach(listener::on);
      return new PlanResult(diffs, review.consequences().stream().map(Consequence::toString).toList());
    } catch (PlanStopped e) {
      throw new RunStoppedException(e.getMessage(), e);
    } catch (ObjectRefused | InventoryException e) {
      throw new RunFailedException(e.getMessage(), e);
    } catch (KubernetesClientException e) {
      throw unreachableOr(e);
    }
  }

  @Override
  public void apply(UnitGraph graph, RunSettings settings, RunListener listener, AtomicBoolean stop) {
    ApplyOptions options = settings.applyOptions();
    Set<Risk> allowed = settings.allowedRisks();
    try (Kube kube = connect(settings)) {
      ClusterApply run = new ClusterApply(kube.client(), version);
      Thread watcher = watch(stop, run);
      try {
        run.apply(graph, options, settings.pruneData(), allowed, listener);
      } finally {
        watcher.interrupt();
      }
    } catch (ObjectRefused | InventoryException | ConsequencesRefused e) {
      throw new RunFailedException(e.getMessage(), e);
    } catch (KubernetesClientException e) {
      throw unreachableOr(e);
    }
  }

  /** A thread that cancels {@code run} once {@code stop} is set (Ctrl-C); interrupt it when the run ends. */
  private static Thread watch(AtomicBoolean stop, ClusterApply run) {
    Thread watcher = new Thread(() -> {
      try {
        while (!stop.get()) {
          Thread.sleep(STOP_POLL_MILLIS);
        }
        run.cancel();
      } catch (InterruptedException ended) {
        // the run ended first
      }
    }, "clusterc-stop-watch");
    watcher.setDaemon(true);
    watcher.start();
    return watcher;
  }

  /**
   * Connects to the cluster of {@code settings} (kubeconfig and context as kubectl reads them; in a
   * pod without a kubeconfig, its service account) and makes sure the API server answers.
   *
   * @throws ClusterUnreachableException when it cannot be reached or the kubeconfig cannot be used
   */
  public static Kube connect(RunSettings settings) {
    Kube kube;
    try {
      kube = Kube.connect(settings.kubeconfig(), settings.context());
    } catch (IllegalArgumentException | KubernetesClientException e) {
      throw new ClusterUnreachableException(e.getMessage(), e);
    }
    try {
      probe(kube.client().getMasterUrl());
    } catch (ClusterUnreachableException e) {
      kube.close();
      throw e;
    }
    return kube;
  }

  /**
   * Opens a TCP connection to the API server once, so that a server that is not there is said at
   * once (the client would retry each request with back-off for most of a minute).
   */
  private static void probe(URL server) {
    int port = server.getPort() > 0 ? server.getPort() : server.getDefaultPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.getHost(), port), PROBE_TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw new ClusterUnreachableException(server + ": " + e.getMessage(), e);
    }
  }

  /** The detail of a plan line: why, and the other field managers a conflict is with. */
  private static String detail(ObjectChange change) {
    if (change.conflicts().isEmpty()) {
      return change.detail();
    }
    String managers = "conflicts with " + String.join(", ", change.conflicts()) + " (apply needs --force-conflicts)";
    return change.detail().isEmpty() ? managers : change.detail() + "; " + managers;
  }

  /** A failure to talk to the server at all is unreachable; anything else the server said is a failed run. */
  private static RuntimeException unreachableOr(KubernetesClientException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return new ClusterUnreachableException(e.getMessage(), e);
      }
    }
    return new RunFailedException(e.getMessage(), e);
  }
}
