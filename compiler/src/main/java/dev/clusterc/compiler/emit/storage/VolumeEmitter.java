package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import io.fabric8.kubernetes.api.model.TypedObjectReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code volume}: the claim {@code NAME} its apps mount, in the volume's namespace, and what keeps
 * its data.
 * <ul>
 *   <li>{@code local NODE at PATH}: the static PV {@code pv-NAME-primary} on that node
 *       ({@link VolumeClaims});</li>
 *   <li>{@code replicate to NODE2 via …}: the PV {@code pv-NAME-backup} on NODE2, its claim
 *       {@code NAME-backup}, and the VolSync pair between the two claims ({@link VolsyncReplication});</li>
 *   <li>{@code backup B} with B {@code via restic}: the repository Secret template
 *       ({@link ResticRepository}), the NFS share for an {@code nfs://} target
 *       ({@link ResticNfsShare}) and the ReplicationSource ({@link ResticBackup}); with
 *       {@code restore true}, the ReplicationDestination that brings the latest snapshot back;</li>
 *   <li>{@code backup B} with B {@code via longhorn}: the claim joins B's recurring-job group
 *       ({@code recurring-job-group.longhorn.io/B: enabled}, passed on to the Longhorn volume);
 *       the RecurringJob itself belongs to the policy;</li>
 *   <li>{@code backup none}, and {@code via velero} (Velero selects what it backs up itself): nothing more.</li>
 * </ul>
 * {@code replicas} is a property of the storage class (Longhorn's {@code numberOfReplicas}), which a
 * claim cannot ask for; it is not emitted here.
 *
 * <p>Objects come out in a fixed order: PVs, claims, replication, then backup.
 */
public final class VolumeEmitter implements Emitter {
  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    VolumeSpec volume = VolumeSpec.of(decl, context);
    BackupTarget target = volume.resticBackup() ? BackupTarget.of(volume.backup()) : null;
    if (volume.local() != null) {
      unit.add(VolumeClaims.primaryVolume(context, volume));
      if (volume.replica() != null) {
        unit.add(VolumeClaims.backupVolume(context, volume));
      }
    }
    TypedObjectReference populator = target != null && ResticBackup.populates(context, volume)
        ? VolumeClaims.populatedBy(ResticBackup.restoreName(volume)) : null;
    unit.add(VolumeClaims.claim(context, volume, longhornLabels(volume), populator));
    if (volume.replica() != null) {
      unit.add(VolumeClaims.backupClaim(context, volume));
      VolsyncReplication.objects(context, volume).forEach(unit::add);
    }
    if (target != null) {
      unit.add(ResticRepository.secret(context, volume, target, BackupTargetKeys.of(volume.backup())));
      if (target.scheme().equals("nfs")) {
        ResticNfsShare.objects(context, volume, target).forEach(unit::add);
      }
      unit.add(ResticBackup.source(context, volume, target));
      if (volume.restore()) {
        unit.add(ResticBackup.restore(context, volume, target));
      }
    }
  }

  /** The labels that put the claim in its Longhorn backup policy's recurring-job group. */
  private static Map<String, String> longhornLabels(VolumeSpec volume) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (volume.longhornBackup()) {
      labels.put("recurring-job.longhorn.io/source", "enabled");
      labels.put("recurring-job-group.longhorn.io/" + volume.backup().name(), "enabled");
    }
    return labels;
  }
}
