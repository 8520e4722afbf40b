package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Volume;
import java.util.List;

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
 * one's {@code status.syncthing.{ID,address}} into the other's {@code spec.syncthing.peers}:
 * {@code compile} lists that among its next steps, with the commands ({@link SyncthingPeers}).
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

  static List<KubeObject> objects(EmitContext context, Volume volume) {
    return volume.replica().rsync() ? rsync(context, volume) : syncthing(context, volume);
  }

  private static List<KubeObject> syncthing(EmitContext context, Volume volume) {
    String backupClaim = VolumeClaims.backupClaimName(volume);
    String primary = SyncthingPeers.primaryName(volume);
    String backup = SyncthingPeers.backupName(volume);
    return List.of(syncthingSource(context, volume, primary, volume.name(), backup),
        syncthingSource(context, volume, backup, backupClaim, primary));
  }

  private static KubeObject syncthingSource(EmitContext context, Volume volume, String name, String claim, String peer) {
    KubeObject source = VolsyncResources.source(context, volume, volume.replica().span(), name, map(
        "sourcePVC", claim,
        "syncthing", map("serviceType", "ClusterIP")));
    source.annotations().put(PEER_ANNOTATION, peer);
    source.annotations().put(ResticRepository.FLUX_SSA_ANNOTATION, "Merge");
    return source;
  }

  private static List<KubeObject> rsync(EmitContext context, Volume volume) {
    String backupClaim = VolumeClaims.backupClaimName(volume);
    String destination = backupClaim + "-rsync";
    KubeObject receiver = VolsyncResources.destination(context, volume, volume.replica().span(), destination, map(
        "rsync", map(
            "destinationPVC", backupClaim,
            "copyMethod", "Direct",
            "serviceType", "ClusterIP")));
    KubeObject sender = VolsyncResources.source(context, volume, volume.replica().span(), volume.name() + "-rsync", map(
        "sourcePVC", volume.name(),
        "trigger", map("schedule", RSYNC_SCHEDULE),
        "rsync", map(
            "address", "volsync-rsync-dst-" + destination + "." + context.namespaceOf(volume.decl()) + ".svc",
            "sshKeys", "volsync-rsync-dst-src-" + destination,
            "copyMethod", "Direct")));
    return List.of(receiver, sender);
  }
}
