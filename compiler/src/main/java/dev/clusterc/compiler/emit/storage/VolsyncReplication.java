package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.emit.core.EmitContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * {@code replicate to NODE via syncthing|rsync}: the VolSync pair that keeps the claim
 * {@code NAME-backup} (on the replica node) a copy of the claim {@code NAME}. Both movers read and
 * write the local PVs {@code Direct}ly (they can be neither snapshotted nor cloned), and run on the
 * PVs' nodes.
 *
 * <p><b>Syncthing</b> is continuous and two-way, so each claim gets a ReplicationSource:
 * {@code NAME-syncthing} and {@code NAME-backup-syncthing}. A Syncthing peer is known by the device
 * ID its mover generates when it first starts, which no source can say in advance, so the
 * ReplicationSources are emitted without {@code peers}; each names its partner in the annotation
 * {@code clusterc.dev/syncthing-peer}, and the pairing is finished in the cluster by copying each
 * one's {@code status.syncthing.{ID,address}} into the other's {@code spec.syncthing.peers}.
 * {@code kustomize.toolkit.fluxcd.io/ssa: Merge} keeps Flux from undoing that.
 *
 * <p><b>rsync</b> is one-way and periodic: the ReplicationDestination {@code NAME-backup-rsync}
 * receives into {@code NAME-backup} and generates the SSH keys; the ReplicationSource
 * {@code NAME-rsync} sends every five minutes to the Service VolSync creates for the destination
 * ({@code volsync-rsync-dst-NAME-backup-rsync}) with the source half of those keys
 * ({@code volsync-rsync-dst-src-NAME-backup-rsync}). Both names follow from VolSync's naming, so
 * nothing is left to finish by hand.
 */
final class VolsyncReplication {
  static final String PEER_ANNOTATION = "clusterc.dev/syncthing-peer";

  /** How often rsync sends: often enough for a failover copy, seldom enough that runs do not overlap. */
  static final String RSYNC_SCHEDULE = "*/5 * * * *";

  private VolsyncReplication() {}

  static List<HasMetadata> objects(EmitContext context, VolumeSpec volume) {
    return volume.replica().method().equals("rsync") ? rsync(context, volume) : syncthing(context, volume);
  }

  private static List<HasMetadata> syncthing(EmitContext context, VolumeSpec volume) {
    String primary = volume.name() + "-syncthing";
    String backup = volume.backupClaimName() + "-syncthing";
    return List.of(syncthingSource(context, volume, primary, volume.claimName(), backup),
        syncthingSource(context, volume, backup, volume.backupClaimName(), primary));
  }

  private static HasMetadata syncthingSource(EmitContext context, VolumeSpec volume, String name, String claim, String peer) {
    ObjectMeta meta = context.meta(volume.decl(), volume.replica().span(), name, volume.namespace());
    VolsyncResources.annotate(meta, PEER_ANNOTATION, peer);
    VolsyncResources.annotate(meta, ResticRepository.FLUX_SSA_ANNOTATION, "Merge");
    return VolsyncResources.source(context, meta, VolsyncResources.spec(
        "sourcePVC", claim,
        "syncthing", Map.of("serviceType", "ClusterIP")));
  }

  private static List<HasMetadata> rsync(EmitContext context, VolumeSpec volume) {
    String destination = volume.backupClaimName() + "-rsync";
    HasMetadata receiver = VolsyncResources.destination(context,
        context.meta(volume.decl(), volume.replica().span(), destination, volume.namespace()),
        VolsyncResources.spec("rsync", VolsyncResources.spec(
            "destinationPVC", volume.backupClaimName(),
            "copyMethod", "Direct",
            "serviceType", "ClusterIP")));
    HasMetadata sender = VolsyncResources.source(context,
        context.meta(volume.decl(), volume.replica().span(), volume.name() + "-rsync", volume.namespace()),
        VolsyncResources.spec(
            "sourcePVC", volume.claimName(),
            "trigger", Map.of("schedule", RSYNC_SCHEDULE),
            "rsync", VolsyncResources.spec(
                "address", "volsync-rsync-dst-" + destination + "." + volume.namespace() + ".svc",
                "sshKeys", "volsync-rsync-dst-src-" + destination,
                "copyMethod", "Direct")));
    return List.of(receiver, sender);
  }
}
