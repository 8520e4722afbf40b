package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.Volume;
import java.util.List;

/**
 * An {@code nfs://SERVER/PATH} restic target, made reachable for the mover: restic has no NFS
 * backend, so the export is a static NFS PersistentVolume ({@code pv-NAME-restic-nfs}, bound to
 * the claim {@code NAME-restic-nfs}) that VolSync mounts in the mover at
 * {@code /mnt/restic-nfs} ({@code moverVolumes}); the repository is the directory named after the
 * volume there. The PV is {@code ReadWriteMany} with no storage class (an empty class binds only to
 * this PV), and keeps the export when released. Its capacity is the volume's size: Kubernetes wants
 * one, NFS ignores it.
 */
final class ResticNfsShare {
  private ResticNfsShare() {}

  static String claimName(Volume volume) {
    return volume.name() + "-restic-nfs";
  }

  static List<KubeObject> objects(EmitContext context, Volume volume, BackupTarget target) {
    String pv = "pv-" + claimName(volume);
    String namespace = context.namespaceOf(volume.decl());
    String size = volume.size().value().toString();
    KubeObject share = context.object(volume.decl(), volume.spanOf("backup"), "v1", "PersistentVolume", pv, null)
        .put("spec", map(
            "accessModes", list("ReadWriteMany"),
            "capacity", map("storage", size),
            "claimRef", map("name", claimName(volume), "namespace", namespace),
            "nfs", map("server", target.bucket(), "path", target.prefix()),
            "persistentVolumeReclaimPolicy", "Retain",
            "storageClassName", "",
            "volumeMode", "Filesystem"));
    KubeObject claim = context.object(volume.decl(), volume.spanOf("backup"), "v1", "PersistentVolumeClaim",
        claimName(volume), namespace).put("spec", map(
            "accessModes", list("ReadWriteMany"),
            "resources", map("requests", map("storage", size)),
            "storageClassName", "",
            "volumeName", pv));
    return List.of(share, claim);
  }

  /** The {@code moverVolumes} entry that mounts the share at {@code /mnt/restic-nfs}. */
  static List<Object> moverVolumes(Volume volume) {
    return list(map("mountPath", BackupTarget.NFS_MOUNT,
        "volumeSource", map("persistentVolumeClaim", map("claimName", claimName(volume)))));
  }
}
