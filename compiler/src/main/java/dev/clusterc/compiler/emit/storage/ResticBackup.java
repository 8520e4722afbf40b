package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.types.Cron;
import dev.clusterc.compiler.types.LiteralException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  static String sourceName(VolumeSpec volume) {
    return volume.name() + "-restic";
  }

  static String restoreName(VolumeSpec volume) {
    return volume.name() + "-restore";
  }

  /** Whether the restore populates a new claim (through {@code dataSourceRef}) rather than filling the existing one. */
  static boolean populates(EmitContext context, VolumeSpec volume) {
    return volume.restore() && volume.snapshots(context);
  }

  static GenericKubernetesResource source(EmitContext context, VolumeSpec volume, BackupTarget target) {
    Map<String, Object> restic = VolsyncResources.spec(
        "repository", ResticRepository.name(volume),
        "retain", retain(volume.backup()),
        "copyMethod", VolsyncResources.copyMethod(context, volume),
        "moverVolumes", target.scheme().equals("nfs") ? ResticNfsShare.moverVolumes(volume) : null);
    Map<String, Object> spec = VolsyncResources.spec(
        "sourcePVC", volume.claimName(),
        "trigger", schedule(volume.backup()).map(s -> (Object) Map.of("schedule", s)).orElse(null),
        "restic", restic);
    return VolsyncResources.source(context, context.meta(volume.decl(), volume.spanOf("backup"), sourceName(volume), volume.namespace()), spec);
  }

  static GenericKubernetesResource restore(EmitContext context, VolumeSpec volume, BackupTarget target) {
    Map<String, Object> restic = VolsyncResources.spec("repository", ResticRepository.name(volume));
    if (populates(context, volume)) {
      restic.put("copyMethod", "Snapshot");
      restic.put("accessModes", volume.accessModes());
      restic.put("capacity", volume.size());
      if (volume.storageClass() != null) {
        restic.put("storageClassName", volume.storageClass());
      }
    } else {
      restic.put("copyMethod", "Direct");
      restic.put("destinationPVC", volume.claimName());
    }
    if (target.scheme().equals("nfs")) {
      restic.put("moverVolumes", ResticNfsShare.moverVolumes(volume));
    }
    Map<String, Object> spec = VolsyncResources.spec(
        "trigger", Map.of("manual", VolsyncResources.RESTORE_ONCE),
        "restic", restic);
    return VolsyncResources.destination(context, context.meta(volume.decl(), volume.spanOf("restore"), restoreName(volume), volume.namespace()), spec);
  }

  /** {@code keep} as restic's retain policy, in the order hourly, daily, weekly, monthly. */
  static Map<String, Object> retain(Decl backup) {
    Map<String, Object> retain = new LinkedHashMap<>();
    backup.body().typed("keep", Typed.Entries.class).ifPresent(keep -> {
      for (String period : List.of("hourly", "daily", "weekly", "monthly")) {
        if (keep.values().get(period) instanceof Typed.Int count) {
          retain.put(period, count.value());
        }
      }
    });
    return retain.isEmpty() ? null : retain;
  }

  /** The policy's schedule in the numeric five-field form VolSync accepts. */
  static Optional<String> schedule(Decl backup) {
    return backup.body().typed("schedule", Typed.Str.class).flatMap(s -> {
      try {
        return Optional.of(Cron.parse(s.value()).normalized());
      } catch (LiteralException malformed) { // reported by the checker; a checked program has none
        return Optional.empty();
      }
    });
  }
}
