package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Map;

/**
 * The claims of a volume and, for {@code local NODE at PATH}, the static PersistentVolumes behind
 * them: {@code pv-NAME-primary} on the volume's node and {@code pv-NAME-backup} on its replica's.
 *
 * <p>A static PV and its claim are bound to each other both ways ({@code claimRef} on the PV,
 * {@code volumeName} on the claim), so no other claim can take the PV and the claim waits for no
 * provisioner. Their storage class ({@code local-static} unless the volume names one) is only a
 * matching label: no StorageClass object is emitted, and Kubernetes binds a claim whose class does
 * not exist at once. A {@code WaitForFirstConsumer} class would keep the claim {@code Pending}
 * until the app's pod is scheduled, while the app's unit waits for the volume's to be ready.
 * The PV keeps the node's directory when it is released ({@code Retain}); the pod is placed on the
 * node by the PV's required node affinity on {@code kubernetes.io/hostname}, the node's name.
 */
public final class VolumeClaims {
  static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

  /** The storage class of the static local PersistentVolumes when the volume names none. */
  public static final String LOCAL_STORAGE_CLASS = "local-static";

  private VolumeClaims() {}

  /** The claim on the replica node: {@code NAME-backup}. */
  static String backupClaimName(Volume volume) {
    return volume.name() + "-backup";
  }

  /** The storage class of the claims: the volume's {@code class}, or {@link #LOCAL_STORAGE_CLASS} for a local volume. */
  public static String storageClass(Volume volume) {
    return volume.storageClass() != null || !volume.isLocal() ? volume.storageClass() : LOCAL_STORAGE_CLASS;
  }

  /** {@code pv-NAME-primary}: the volume's directory on its own node, bound to the claim {@code NAME}. */
  static KubeObject primaryVolume(EmitContext context, Volume volume) {
    return localVolume(context, volume, "pv-" + volume.name() + "-primary", volume.local().node().name(), volume.name(),
        volume.local().span());
  }

  /** {@code pv-NAME-backup}: the same directory on the replica node, bound to the claim {@code NAME-backup}. */
  static KubeObject backupVolume(EmitContext context, Volume volume) {
    return localVolume(context, volume, "pv-" + volume.name() + "-backup", volume.replica().node().name(),
        backupClaimName(volume), volume.replica().span());
  }

  /** The claim {@code NAME} the apps mount; {@code dataSource} names what populates it, or is {@code null}. */
  static KubeObject claim(EmitContext context, Volume volume, Map<String, String> labels, Map<String, Object> dataSource) {
    KubeObject claim = context.object(volume.decl(), "v1", "PersistentVolumeClaim", volume.name(),
        context.namespaceOf(volume.decl()));
    claim.labels().putAll(labels);
    String boundTo = volume.isLocal() ? "pv-" + volume.name() + "-primary" : null;
    return claim.put("spec", claimSpec(volume, boundTo, dataSource));
  }

  /** The claim {@code NAME-backup} on the replica node, which VolSync replicates into. */
  static KubeObject backupClaim(EmitContext context, Volume volume) {
    KubeObject claim = context.object(volume.decl(), volume.replica().span(), "v1", "PersistentVolumeClaim",
        backupClaimName(volume), context.namespaceOf(volume.decl()));
    return claim.put("spec", claimSpec(volume, "pv-" + volume.name() + "-backup", null));
  }

  /** A reference to the VolSync ReplicationDestination that populates a new claim. */
  static Map<String, Object> populatedBy(String replicationDestination) {
    return map("apiGroup", VolsyncResources.GROUP, "kind", "ReplicationDestination", "name", replicationDestination);
  }

  private static Map<String, Object> claimSpec(Volume volume, String volumeName, Map<String, Object> dataSource) {
    return map(
        "accessModes", list(volume.access().mode()),
        "dataSourceRef", dataSource,
        "resources", map("requests", map("storage", volume.size().value().toString())),
        "storageClassName", storageClass(volume),
        "volumeName", volumeName);
  }

  private static KubeObject localVolume(EmitContext context, Volume volume, String name, String node, String claim,
      SourceSpan span) {
    return context.object(volume.decl(), span, "v1", "PersistentVolume", name, null).put("spec", map(
        "accessModes", list(volume.access().mode()),
        "capacity", map("storage", volume.size().value().toString()),
        "claimRef", map("name", claim, "namespace", context.namespaceOf(volume.decl())),
        "local", map("path", volume.local().path()),
        "nodeAffinity", map("required", map("nodeSelectorTerms", list(map("matchExpressions", list(
            map("key", HOSTNAME_LABEL, "operator", "In", "values", list(node))))))),
        "persistentVolumeReclaimPolicy", "Retain",
        "storageClassName", storageClass(volume),
        "volumeMode", "Filesystem"));
  }
}
