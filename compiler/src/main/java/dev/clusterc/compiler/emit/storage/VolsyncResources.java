package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Map;

/**
 * VolSync's two kinds ({@code volsync.backube/v1alpha1}): a ReplicationSource copies a claim out, a
 * ReplicationDestination copies into one.
 *
 * <p>How a mover reads the claim ({@code copyMethod}) follows from what the storage can do:
 * {@code Snapshot} gives a consistent point-in-time copy, but needs a CSI driver and the snapshot
 * controller; a static local PV has neither (and cannot be cloned either), so it is read
 * {@code Direct}ly, by a mover pod that VolSync places on the node where the claim is in use.
 */
final class VolsyncResources {
  static final String GROUP = "volsync.backube";
  static final String API_VERSION = GROUP + "/v1alpha1";

  /** Asks for one run of a ReplicationDestination, as restoring a volume once needs. */
  static final String RESTORE_ONCE = "restore-once";

  private VolsyncResources() {}

  /** A ReplicationSource of the volume, made by the entry at {@code span}. */
  static KubeObject source(EmitContext context, Volume volume, SourceSpan span, String name, Map<String, Object> spec) {
    return context.object(volume.decl(), span, API_VERSION, "ReplicationSource", name,
        context.namespaceOf(volume.decl())).put("spec", spec);
  }

  /** A ReplicationDestination of the volume, made by the entry at {@code span}. */
  static KubeObject destination(EmitContext context, Volume volume, SourceSpan span, String name, Map<String, Object> spec) {
    return context.object(volume.decl(), span, API_VERSION, "ReplicationDestination", name,
        context.namespaceOf(volume.decl())).put("spec", spec);
  }

  /**
   * Whether VolSync can take point-in-time copies of the volume: only a provisioned volume, and only
   * when the cluster runs the snapshot controller. A static local PV has no CSI driver behind it, so
   * it can be neither snapshotted nor cloned.
   */
  static boolean snapshots(EmitContext context, Volume volume) {
    return !volume.isLocal() && !context.program().providers("snapshot-controller").isEmpty();
  }

  /** {@code Snapshot} where the volume can be snapshotted, else {@code Direct} (see the class comment). */
  static String copyMethod(EmitContext context, Volume volume) {
    return snapshots(context, volume) ? "Snapshot" : "Direct";
  }
}
