package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.Retention;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.types.Cron;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A volume's restic backup through VolSync: the ReplicationSource {@code NAME-restic} that copies
 * the claim to its repository on the policy's {@code schedule} and keeps what {@code keep} says
 * ({@code spec.restic.retain}), and, for {@code restore true}, the ReplicationDestination
 * {@code NAME-restore} that copies the latest snapshot back once.
 *
 * <p>A restore either populates a new claim or fills the claim in place. Where the volume can be
 * snapshotted the ReplicationDestination restores into a snapshot and the claim names it as its
 * {@code dataSourceRef}: VolSync's volume populator then provisions the claim from that snapshot, and
 * the claim (and every pod mounting it) waits until the data is back. A static local PV or a class
 * without snapshots cannot be populated, so there the restore is written {@code Direct}ly into the
 * existing claim ({@code destinationPVC}); pods may then start before the restore has finished.
 *
 * <p>The schedule goes to VolSync in numbers ({@link Cron#normalized()}): its CRD accepts digits,
 * {@code *}, ranges, steps and lists, not names such as {@code MON}. Like every Kubernetes
 * controller, VolSync reads it in UTC.
 */
final class ResticBackup {
  private ResticBackup() {}

  static String sourceName(Volume volume) {
    return volume.name() + "-restic";
  }

  static String restoreName(Volume volume) {
    return volume.name() + "-restore";
  }

  /** Whether the restore populates a new claim (through {@code dataSourceRef}) rather than filling the existing one. */
  static boolean populates(EmitContext context, Volume volume) {
    return volume.restore() && VolsyncResources.snapshots(context, volume);
  }

  static KubeObject source(EmitContext context, Volume volume, Backup backup) {
    Map<String, Object> restic = map(
        "repository", ResticRepository.name(volume),
        "retain", retain(backup.keep()),
        "copyMethod", VolsyncResources.copyMethod(context, volume),
        "moverVolumes", backup.target().nfs() ? ResticNfsShare.moverVolumes(volume) : null);
    Map<String, Object> spec = map(
        "sourcePVC", volume.name(),
        "trigger", backup.schedule() != null && backup.schedule().valid()
            ? map("schedule", backup.schedule().cron().normalized()) : null,
        "restic", restic);
    return VolsyncResources.source(context, volume, volume.spanOf("backup"), sourceName(volume), spec);
  }

  static KubeObject restore(EmitContext context, Volume volume, Backup backup) {
    Map<String, Object> restic = map("repository", ResticRepository.name(volume));
    if (populates(context, volume)) {
      restic.put("copyMethod", "Snapshot");
      restic.put("accessModes", list(volume.access().mode()));
      restic.put("capacity", volume.size().value().toString());
      if (volume.storageClass() != null) {
        restic.put("storageClassName", volume.storageClass());
      }
    } else {
      restic.put("copyMethod", "Direct");
      restic.put("destinationPVC", volume.name());
    }
    if (backup.target().nfs()) {
      restic.put("moverVolumes", ResticNfsShare.moverVolumes(volume));
    }
    Map<String, Object> spec = map(
        "trigger", map("manual", VolsyncResources.RESTORE_ONCE),
        "restic", restic);
    return VolsyncResources.destination(context, volume, volume.spanOf("restore"), restoreName(volume), spec);
  }

  /** {@code keep} as restic's retain policy, in the order hourly, daily, weekly, monthly; {@code null} for none. */
  static Map<String, Object> retain(Retention keep) {
    if (keep == null || keep.counts().isEmpty()) {
      return null;
    }
    Map<String, Object> retain = new LinkedHashMap<>();
    keep.counts().forEach((period, count) -> retain.put(period.key(), count.value()));
    return retain;
  }
}
