package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and writes the parent ConfigMap. A write is a server-side apply with field manager
 * {@code clusterc} (the one manager clusterc uses for everything), conflicts forced as kubectl does for
 * its own parents, and only when something changed: an apply of an unchanged cluster writes nothing.
 *
 * <p>Two applies of one cluster may run at once, so a write carries the resourceVersion it read: when
 * the parent changed meanwhile the server answers 409, and the change (widen or narrow) is made again on
 * the records read afresh, so neither apply drops the other's records. The very first write (no parent
 * yet) has nothing to compare with: two first applies racing may still leave the later one's records.
 */
final class InventoryStore {
  /** How often a write is retried on records read afresh before giving up. */
  static final int ATTEMPTS = 5;

  private final KubernetesClient client;
  private final ApplySetParent parent;
  private final Tooling tooling;

  InventoryStore(KubernetesClient client, ApplySetParent parent, Tooling tooling) {
    this.client = client;
    this.parent = parent;
    this.tooling = tooling;
  }

  /** The parent as it is now and the records it holds. */
  record Written(Optional<ConfigMap> parent, InventoryRecords records) {}

  /** The parent as it is on the cluster, if there is one. */
  Optional<ConfigMap> fetch() {
    return Optional.ofNullable(client.configMaps().inNamespace(parent.namespace()).withName(parent.name()).get());
  }

  /** The records of the parent; none when there is no parent yet. Refuses a parent that is not ours. */
  InventoryRecords read(Optional<ConfigMap> live) {
    return live.map(cm -> ParentObject.read(cm, parent)).orElse(InventoryRecords.EMPTY);
  }

  /**
   * Makes the parent hold {@code change} applied to its records, creating it if needed: {@code live} itself
   * when it already held them (nothing written), else the server's answer. When another writer changed
   * the parent since {@code live} was read, reads it again and applies {@code change} to those records.
   */
  Written update(Optional<ConfigMap> live, UnaryOperator<InventoryRecords> change) {
    Optional<ConfigMap> current = live;
    for (int attempt = 1; ; attempt++) {
      InventoryRecords records = change.apply(read(current));
      ConfigMap wanted = ParentObject.build(parent, tooling, records);
      if (current.isPresent() && ParentObject.matches(current.get(), wanted)) {
        return new Written(current, records);
      }
      current.ifPresent(cm -> wanted.getMetadata().setResourceVersion(cm.getMetadata().getResourceVersion()));
      try {
        return new Written(Optional.of(client.resource(wanted).fieldManager(Kinds.FIELD_MANAGER).forceConflicts()
            .serverSideApply()), records);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == ATTEMPTS) {
          throw e.getCode() == 409 ? new InventoryException("the inventory " + parent.namespace() + "/"
              + parent.name() + " changed " + ATTEMPTS + " times while clusterc wrote it: another apply of this"
              + " cluster is running. Let it finish, then apply again") : e;
        }
        current = fetch();
      }
    }
  }
}
