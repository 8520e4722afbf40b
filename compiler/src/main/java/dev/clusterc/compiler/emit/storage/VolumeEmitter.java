package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.Volume;
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
 *       the RecurringJobs of that group belong to the policy ({@link BackupEmitter});</li>
 *   <li>{@code backup none}, and {@code via velero} (the policy's Schedule includes the volume's
 *       namespace, {@link BackupEmitter}): nothing more.</li>
 * </ul>
 * {@code replicas} is a property of the storage class (Longhorn's {@code numberOfReplicas}), which a
 * claim cannot ask for; it is not emitted here.
 *
 * <p>Objects come out in a fixed order: PVs, claims, replication, then backup.
 */
public final class VolumeEmitter implements Emitter {
  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Volume volume = Volume.of(context.program().model(), decl);
    Backup backup = volume.backup() == null ? null : Backup.of(context.program().model(), volume.backup());
    Backup restic = backup != null && backup.via() == Backup.Via.RESTIC ? backup : null;
    if (volume.isLocal()) {
      unit.add(VolumeClaims.primaryVolume(context, volume));
      if (volume.replicated()) {
        unit.add(VolumeClaims.backupVolume(context, volume));
      }
    }
    Map<String, Object> populator = restic != null && ResticBackup.populates(context, volume)
        ? VolumeClaims.populatedBy(ResticBackup.restoreName(volume)) : null;
    unit.add(VolumeClaims.claim(context, volume, longhornLabels(backup), populator));
    if (volume.replicated()) {
      unit.add(VolumeClaims.backupClaim(context, volume));
      VolsyncReplication.objects(context, volume).forEach(unit::add);
    }
    if (restic != null) {
      unit.add(ResticRepository.secret(context, volume, restic));
      if (restic.target().nfs()) {
        ResticNfsShare.objects(context, volume, restic.target()).forEach(unit::add);
      }
      unit.add(ResticBackup.source(context, volume, restic));
      if (volume.restore()) {
        unit.add(ResticBackup.restore(context, volume, restic));
      }
    }
  }

  /** The labels that put the claim in its Longhorn backup policy's recurring-job group. */
  private static Map<String, String> longhornLabels(Backup backup) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (backup != null && backup.via() == Backup.Via.LONGHORN) {
      labels.put("recurring-job.longhorn.io/source", "enabled");
      labels.put("recurring-job-group.longhorn.io/" + backup.name(), "enabled");
    }
    return labels;
  }
}
