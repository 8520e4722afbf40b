package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * Reads and writes the parent ConfigMap. A write is a server-side apply with field manager
 * {@code clusterc} (the one manager clusterc uses for everything), conflicts forced as kubectl does for
 * its own parents, and only when something changed: an apply of an unchanged cluster writes nothing.
 */
final class InventoryStore {
  private final KubernetesClient client;
  private final ApplySetParent parent;
  private final Tooling tooling;

  InventoryStore(KubernetesClient client, ApplySetParent parent, Tooling tooling) {
    this.client = client;
    this.parent = parent;
    this.tooling = tooling;
  }

  /** The parent as it is on the cluster, if there is one. */
  Optional<ConfigMap> fetch() {
    return Optional.ofNullable(client.configMaps().inNamespace(parent.namespace()).withName(parent.name()).get());
  }

  /** The records of the parent; none when there is no parent yet. Refuses a parent that is not ours. */
  InventoryRecords read(Optional<ConfigMap> live) {
    return live.map(cm -> ParentObject.read(cm, parent)).orElse(InventoryRecords.EMPTY);
  }

  /**
   * Makes the parent hold {@code records}, creating it if needed, and returns it as it is now: {@code live}
   * itself when it already held them (nothing written), else the server's answer to the apply.
   */
  ConfigMap write(Optional<ConfigMap> live, InventoryRecords records) {
    ConfigMap wanted = ParentObject.build(parent, tooling, records);
    if (live.isPresent() && ParentObject.matches(live.get(), wanted)) {
      return live.get();
    }
    return client.resource(wanted).fieldManager(Kinds.FIELD_MANAGER).forceConflicts().serverSideApply();
  }
}
