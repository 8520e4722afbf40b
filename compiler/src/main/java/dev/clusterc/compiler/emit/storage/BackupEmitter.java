package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.rules.LonghornBackups;
import dev.clusterc.compiler.rules.VeleroBackups;

/**
 * A {@code backup} policy carried out by a cluster-wide tool, in the tool's namespace:
 * <ul>
 *   <li>{@code via longhorn}: the RecurringJobs of the policy's group ({@link LonghornRecurringJobs}),
 *       which the claims join, and, in the first such policy, the BackupTarget {@code default}
 *       ({@link LonghornBackupTarget}) they all share;</li>
 *   <li>{@code via velero}: the BackupStorageLocation ({@link VeleroStorageLocation}) and the
 *       Schedule ({@link VeleroSchedule}).</li>
 * </ul>
 * A restic policy emits nothing of its own: each volume carries its VolSync objects
 * ({@link VolumeEmitter}). The policy's unit also carries its credentials Secret in the tool's
 * namespace (the secret emitter puts it there), and the unit waits for the tool's component, whose
 * CRDs these objects are; the units of the volumes that name the policy wait for it in turn.
 */
public final class BackupEmitter implements Emitter {
  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    ClusterModel model = context.program().model();
    Backup backup = Backup.of(model, decl);
    if (backup.target() == null) {
      return;
    }
    switch (backup.via()) {
      case LONGHORN -> {
        String namespace = LonghornBackups.namespace(model, context::namespaceOf);
        LonghornRecurringJobs.jobs(context, backup, namespace).forEach(unit::add);
        if (LonghornBackupTarget.url(backup.target()) != null && ownsTarget(model, backup)) {
          unit.add(LonghornBackupTarget.target(context, backup, namespace));
        }
      }
      case VELERO -> {
        String namespace = VeleroBackups.namespace(model, context::namespaceOf);
        if (VeleroBackups.provider(backup.target()) != null) {
          unit.add(VeleroStorageLocation.location(context, backup, namespace));
          KubeObject schedule = VeleroSchedule.schedule(context, backup, namespace,
              VeleroBackups.namespaces(model, context::namespaceOf, decl));
          if (schedule != null) {
            unit.add(schedule);
          }
        }
      }
      default -> { }
    }
  }

  /**
   * Whether {@code backup} is the first Longhorn policy with a target, in source order: Longhorn has
   * one BackupTarget {@code default}, which all Longhorn policies share (check refuses two targets),
   * so one unit carries it rather than every policy's.
   */
  private static boolean ownsTarget(ClusterModel model, Backup backup) {
    return LonghornBackups.policies(model).stream().filter(b -> b.target() != null).findFirst()
        .map(first -> first.decl() == backup.decl()).orElse(false);
  }
}
