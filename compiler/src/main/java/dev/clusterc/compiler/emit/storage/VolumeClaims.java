package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.source.SourceSpan;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TypedObjectReference;
import io.fabric8.kubernetes.api.model.TypedObjectReferenceBuilder;
import java.util.List;
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
final class VolumeClaims {
  static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

  private VolumeClaims() {}

  /** {@code pv-NAME-primary}: the volume's directory on its own node, bound to the claim {@code NAME}. */
  static PersistentVolume primaryVolume(EmitContext context, VolumeSpec volume) {
    return localVolume(context, volume, "pv-" + volume.name() + "-primary", volume.local().node(), volume.claimName(),
        volume.local().span());
  }

  /** {@code pv-NAME-backup}: the same directory on the replica node, bound to the claim {@code NAME-backup}. */
  static PersistentVolume backupVolume(EmitContext context, VolumeSpec volume) {
    return localVolume(context, volume, "pv-" + volume.name() + "-backup", volume.replica().node(), volume.backupClaimName(),
        volume.replica().span());
  }

  /** The claim {@code NAME} the apps mount; {@code dataSource} names what populates it, or is {@code null}. */
  static PersistentVolumeClaim claim(EmitContext context, VolumeSpec volume, Map<String, String> labels, TypedObjectReference dataSource) {
    ObjectMeta meta = context.meta(volume.decl(), volume.claimName(), volume.namespace());
    meta.getLabels().putAll(labels);
    String boundTo = volume.local() == null ? null : "pv-" + volume.name() + "-primary";
    return claim(meta, volume, boundTo, dataSource);
  }

  /** The claim {@code NAME-backup} on the replica node, which VolSync replicates into. */
  static PersistentVolumeClaim backupClaim(EmitContext context, VolumeSpec volume) {
    ObjectMeta meta = context.meta(volume.decl(), volume.replica().span(), volume.backupClaimName(), volume.namespace());
    return claim(meta, volume, "pv-" + volume.name() + "-backup", null);
  }

  /** A reference to the VolSync ReplicationDestination that populates a new claim. */
  static TypedObjectReference populatedBy(String replicationDestination) {
    return new TypedObjectReferenceBuilder()
        .withApiGroup(VolsyncResources.GROUP).withKind("ReplicationDestination").withName(replicationDestination).build();
  }

  private static PersistentVolumeClaim claim(ObjectMeta meta, VolumeSpec volume, String volumeName, TypedObjectReference dataSource) {
    return new PersistentVolumeClaimBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withAccessModes(volume.accessModes())
        .withDataSourceRef(dataSource)
        .withNewResources().addToRequests("storage", new Quantity(volume.size())).endResources()
        .withStorageClassName(volume.claimStorageClass())
        .withVolumeName(volumeName)
        .endSpec()
        .build();
  }

  private static PersistentVolume localVolume(EmitContext context, VolumeSpec volume, String name, String node, String claim, SourceSpan span) {
    return new PersistentVolumeBuilder()
        .withMetadata(context.meta(volume.decl(), span, name, null))
        .withNewSpec()
        .withAccessModes(volume.accessModes())
        .addToCapacity("storage", new Quantity(volume.size()))
        .withNewClaimRef().withName(claim).withNamespace(volume.namespace()).endClaimRef()
        .withNewLocal().withPath(volume.local().path()).endLocal()
        .withNewNodeAffinity().withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression()
        .withKey(HOSTNAME_LABEL).withOperator("In").withValues(List.of(node))
        .endMatchExpression().endNodeSelectorTerm().endRequired().endNodeAffinity()
        .withPersistentVolumeReclaimPolicy("Retain")
        .withStorageClassName(volume.claimStorageClass())
        .withVolumeMode("Filesystem")
        .endSpec()
        .build();
  }
}
