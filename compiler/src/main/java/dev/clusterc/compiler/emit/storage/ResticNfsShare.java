package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.emit.core.EmitContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;

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

  static String claimName(VolumeSpec volume) {
    return volume.name() + "-restic-nfs";
  }

  static List<HasMetadata> objects(EmitContext context, VolumeSpec volume, BackupTarget target) {
    String pv = "pv-" + claimName(volume);
    HasMetadata share = new PersistentVolumeBuilder()
        .withMetadata(context.meta(volume.decl(), volume.spanOf("backup"), pv, null))
        .withNewSpec()
        .withAccessModes("ReadWriteMany")
        .addToCapacity("storage", new Quantity(volume.size()))
        .withNewClaimRef().withName(claimName(volume)).withNamespace(volume.namespace()).endClaimRef()
        .withNewNfs().withServer(target.bucket()).withPath(target.prefix()).endNfs()
        .withPersistentVolumeReclaimPolicy("Retain")
        .withStorageClassName("")
        .withVolumeMode("Filesystem")
        .endSpec()
        .build();
    HasMetadata claim = new PersistentVolumeClaimBuilder()
        .withMetadata(context.meta(volume.decl(), volume.spanOf("backup"), claimName(volume), volume.namespace()))
        .withNewSpec()
        .withAccessModes("ReadWriteMany")
        .withNewResources().addToRequests("storage", new Quantity(volume.size())).endResources()
        .withStorageClassName("")
        .withVolumeName(pv)
        .endSpec()
        .build();
    return List.of(share, claim);
  }

  /** The {@code moverVolumes} entry that mounts the share at {@code /mnt/restic-nfs}. */
  static List<Object> moverVolumes(VolumeSpec volume) {
    return List.of(VolsyncResources.spec("mountPath", BackupTarget.NFS_MOUNT,
        "volumeSource", Map.of("persistentVolumeClaim", Map.of("claimName", claimName(volume)))));
  }
}
