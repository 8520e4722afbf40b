package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.inventory.ApplySetParent;
import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts core/v1 Events about a cluster on its ApplySet parent (ConfigMap
 * {@code kube-system/clusterc-CLUSTER}), where {@code kubectl describe} and {@code kubectl get events}
 * show them, as source component {@value Kinds#FIELD_MANAGER}. An event with the same type, reason and
 * message as one posted within {@link #REPEAT} bumps that one's count and last timestamp instead of
 * making a new object, as the kubelet does. Callers pass messages made from names and diagnostics,
 * never from a Secret's data. Posting is best effort: a failure is reported by the return value,
 * never thrown, so an API server that is away never stops the reconciler.
 */
public final class ClusterEvents {
  /** How long an event is bumped instead of posted again. */
  public static final Duration REPEAT = Duration.ofMinutes(10);
  /** The longest message posted; longer ones are cut with an ellipsis. */
  static final int MAX_MESSAGE = 1024;

  private record Posted(String name, int count, Instant first) {}

  private final KubernetesClient client;
  private final ApplySetParent parent;
  private final Clock clock;
  private final Map<String, Posted> recent = new HashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private String parentUid;

  /** Events about {@code cluster}. */
  public ClusterEvents(KubernetesClient client, String cluster) {
    this(client, cluster, Clock.systemUTC());
  }

  ClusterEvents(KubernetesClient client, String cluster, Clock clock) {
    this.client = client;
    this.parent = ApplySetParent.forCluster(cluster);
    this.clock = clock;
  }

  /** Posts (or bumps) a Warning event; whether it reached the API server. */
  public boolean warning(String reason, String message) {
    return post("Warning", reason, message);
  }

  private synchronized boolean post(String type, String reason, String message) {
    String text = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    recent.values().removeIf(p -> p.first().plus(REPEAT).isBefore(now));
    String key = type + "\n" + reason + "\n" + text;
    try {
      Posted earlier = recent.get(key);
      if (earlier != null && bump(earlier, now)) {
        recent.put(key, new Posted(earlier.name(), earlier.count() + 1, earlier.first()));
        return true;
      }
      String name = create(type, reason, text, now);
      recent.put(key, new Posted(name, 1, now));
      return true;
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  /** Raises an event's count; false when it is gone (events expire after an hour by default). */
  private boolean bump(Posted earlier, Instant now) {
    String patch = Serialization.asJson(Map.of("count", earlier.count() + 1, "lastTimestamp", now.toString()));
    try {
      client.v1().events().inNamespace(parent.namespace()).withName(earlier.name())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private String create(String type, String reason, String message, Instant now) {
    String name = parent.name() + "." + Long.toHexString(clock.millis()) + "." + sequence.incrementAndGet();
    Event event = new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(parent.namespace()).endMetadata()
        .withNewInvolvedObject().withApiVersion("v1").withKind(parent.kind()).withNamespace(parent.namespace())
        .withName(parent.name()).withUid(uid()).endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message)
        .withNewSource().withComponent(Kinds.FIELD_MANAGER).endSource()
        .withFirstTimestamp(now.toString()).withLastTimestamp(now.toString()).withCount(1)
        .build();
    client.v1().events().inNamespace(parent.namespace()).resource(event).create();
    return name;
  }

  /** The parent's uid, read once it exists, so the event links to that very object. */
  private String uid() {
    if (parentUid == null) {
      try {
        ConfigMap live = client.configMaps().inNamespace(parent.namespace()).withName(parent.name()).get();
        parentUid = live == null ? null : live.getMetadata().getUid();
      } catch (KubernetesClientException e) {
        return null;
      }
    }
    return parentUid;
  }
}
