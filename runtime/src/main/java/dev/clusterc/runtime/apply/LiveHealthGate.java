package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.events.RunEvent.Waiting;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.status.HealthResult;
import dev.clusterc.runtime.status.HealthWait;
import dev.clusterc.runtime.status.PodHints;
import dev.clusterc.runtime.status.ServedKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The health gate of a live cluster: kstatus's rules, read by {@link HealthWait}, until every gate
 * is Current, one is Failed, or the unit's time is up. One {@link HealthWait} per wait, since units
 * wait in parallel; what discovery found is shared by all ({@link ServedKinds}). A workload that
 * failed or ran out of time gets the cause its pods give ({@link PodHints}) after its own status.
 */
public final class LiveHealthGate implements HealthGate {
  /** How many pending objects a timeout names; the rest are counted. */
  private static final int NAMED = 5;

  private final KubernetesClient client;
  private final ServedKinds kinds;

  public LiveHealthGate(KubernetesClient client) {
    this.client = client;
    this.kinds = new ServedKinds(client);
  }

  @Override
  public Outcome await(List<GenericKubernetesResource> gates, Duration timeout, Consumer<List<Waiting>> pending)
      throws InterruptedException {
    HealthResult result = new HealthWait(client, kinds).await(gates, timeout, pending);
    if (result instanceof HealthResult.Failed failed) {
      return Outcome.unhealthy(failed.object() + " failed: " + failed.reason() + hint(gates, failed.object()));
    }
    if (result instanceof HealthResult.TimedOut timedOut) {
      List<Waiting> still = timedOut.pending();
      String named = still.stream().limit(NAMED).map(w -> w.object() + " (" + w.status() + ": " + w.reason()
          + hint(gates, w.object()) + ")").collect(Collectors.joining("; "));
      return Outcome.unhealthy("not healthy after " + seconds(timedOut.elapsed()) + ", still waiting for " + named
          + (still.size() > NAMED ? "; and " + (still.size() - NAMED) + " more" : ""));
    }
    return Outcome.HEALTHY;
  }

  /** {@code "; pod …: why"} for a workload whose pods say why they are not ready, else empty. */
  private String hint(List<GenericKubernetesResource> gates, ObjectId object) {
    return gates.stream().filter(g -> ObjectId.of(g).equals(object)).findFirst()
        .flatMap(gate -> PodHints.of(client, gate)).map(why -> "; " + why).orElse("");
  }

  private static String seconds(Duration elapsed) {
    return String.format("%.1f s", elapsed.toMillis() / 1000.0);
  }
}
