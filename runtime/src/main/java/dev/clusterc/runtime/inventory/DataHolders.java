package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;

/**
 * Which objects take data with them when they are deleted: PersistentVolumes, PersistentVolumeClaims,
 * CloudNativePG {@code Cluster}s (the operator owns their claims, so the garbage collector deletes
 * them too), StatefulSets whose claim retention policy deletes their claims, and the CRD of a kind
 * that holds data (deleting it deletes every such object).
 */
final class DataHolders {
  static final String CNPG_GROUP = "postgresql.cnpg.io";

  private DataHolders() {}

  static boolean isDatabase(ObjectId id) {
    return id.group().equals(CNPG_GROUP) && id.kind().equals("Cluster");
  }

  /** Why deleting {@code live} deletes data, or empty when it does not (namespaces: see the planner). */
  static Optional<String> dataLost(ObjectId id, GenericKubernetesResource live) {
    if (Kinds.isVolume(id) || Kinds.isClaim(id)) {
      return Optional.of("its volume's data is lost");
    }
    if (isDatabase(id)) {
      return Optional.of("CloudNativePG deletes the database's claims with it: its data is lost");
    }
    if (id.group().equals("apps") && id.kind().equals("StatefulSet") && live != null
        && "Delete".equals(live.get("spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted"))
        && live.get("spec", "volumeClaimTemplates") instanceof List<?> templates && !templates.isEmpty()) {
      return Optional.of("its claim retention policy deletes its claims: their data is lost");
    }
    if (Kinds.isCrd(id) && live != null && CNPG_GROUP.equals(live.get("spec", "group"))
        && "Cluster".equals(live.get("spec", "names", "kind"))) {
      return Optional.of("deleting it deletes every CloudNativePG Cluster and their claims: their data is lost");
    }
    return Optional.empty();
  }

  /** The kind a live CRD defines, as an id with no name: group and kind only. */
  static Optional<String> definedGroupKind(GenericKubernetesResource crd) {
    Object group = crd.get("spec", "group");
    Object kind = crd.get("spec", "names", "kind");
    if (group instanceof String g && kind instanceof String k) {
      return Optional.of(g.isEmpty() ? k : k + "." + g);
    }
    return Optional.empty();
  }
}
