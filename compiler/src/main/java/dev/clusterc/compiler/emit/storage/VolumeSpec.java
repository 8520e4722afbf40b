package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;
import java.util.Map;

/**
 * A {@code volume} declaration read once for the emitters: what it is called and where it lives,
 * its claim's shape, the node directory behind it, its replica and its backup. The program is
 * checked, so what is missing here was not written (and has a default) rather than wrong.
 *
 * @param decl the declaration
 * @param namespace the namespace of its claims, by {@link EmitContext#namespaceOf}
 * @param size the size as written ({@code 10Gi})
 * @param accessMode {@code ReadWriteOnce}, {@code ReadWriteMany} or {@code ReadOnlyMany}
 * @param storageClass the {@code class}, or {@code null} for the cluster's default
 * @param local the node directory of {@code local NODE at PATH}, or {@code null}
 * @param replica the second node of {@code replicate to NODE via METHOD}, or {@code null}
 * @param backup the backup policy, or {@code null} for none
 * @param restore whether the volume is populated from its latest backup
 */
record VolumeSpec(
    Decl decl, String namespace, String size, String accessMode, String storageClass, Local local, Replica replica,
    Decl backup, boolean restore) {

  /** The storage class of the static local PersistentVolumes when the volume names none. */
  static final String LOCAL_STORAGE_CLASS = "local-static";

  private static final Map<String, String> ACCESS_MODES = Map.of(
      "rwo", "ReadWriteOnce", "rwx", "ReadWriteMany", "rox", "ReadOnlyMany");

  /** {@code local NODE at PATH}: the node's name and the directory, and where it was written. */
  record Local(String node, String path, SourceSpan span) {}

  /** {@code replicate to NODE via syncthing|rsync}, and where it was written. */
  record Replica(String node, String method, SourceSpan span) {}

  static VolumeSpec of(Decl decl, EmitContext context) {
    BoundBlock body = decl.body();
    String size = body.typed("size", Typed.Qty.class).map(q -> q.value().toString()).orElse("1Gi");
    String access = ACCESS_MODES.getOrDefault(body.sym("access").orElse("rwo"), "ReadWriteOnce");
    Local local = body.first("local")
        .map(e -> new Local(nodeName(e), e.str("path").orElse("/"), ownSpan(decl, "local"))).orElse(null);
    Replica replica = body.first("replicate")
        .map(e -> new Replica(nodeName(e), e.sym("method").orElse("syncthing"), ownSpan(decl, "replicate"))).orElse(null);
    Decl backup = body.first("backup").flatMap(e -> e.ref("value")).orElse(null);
    return new VolumeSpec(decl, context.namespaceOf(decl), size, access, body.str("class").orElse(null), local,
        local == null ? null : replica, backup, body.bool("restore").orElse(false));
  }

  String name() {
    return decl.name();
  }

  /** The claim the apps mount: the volume's own name. */
  String claimName() {
    return decl.name();
  }

  /** The claim on the replica node: {@code NAME-backup}. */
  String backupClaimName() {
    return decl.name() + "-backup";
  }

  /** The storage class of the claims: the volume's {@code class}, or {@link #LOCAL_STORAGE_CLASS} for a local volume. */
  String claimStorageClass() {
    return storageClass != null || local == null ? storageClass : LOCAL_STORAGE_CLASS;
  }

  List<String> accessModes() {
    return List.of(accessMode);
  }

  /** Whether a restic policy backs the volume up (velero and longhorn policies are carried out elsewhere). */
  boolean resticBackup() {
    return backup != null && "restic".equals(backup.body().sym("via").orElse("restic"));
  }

  /** Whether a Longhorn recurring job backs the volume up. */
  boolean longhornBackup() {
    return backup != null && "longhorn".equals(backup.body().sym("via").orElse("restic"));
  }

  /**
   * Whether VolSync can take point-in-time copies of the volume: only a provisioned volume, and only
   * when the cluster runs the snapshot controller. A static local PV has no CSI driver behind it, so
   * it can be neither snapshotted nor cloned.
   */
  boolean snapshots(EmitContext context) {
    return local == null && !context.program().providers("snapshot-controller").isEmpty();
  }

  /**
   * Where an entry of the volume was written, for the objects it makes; the volume's name when the
   * entry was not written in the declaration itself (a default, or a template's entry).
   */
  SourceSpan spanOf(String key) {
    return ownSpan(decl, key);
  }

  /** The span of an entry written inside the declaration, else the declaration's name. */
  static SourceSpan ownSpan(Decl decl, String key) {
    SourceSpan span = decl.body().spanOf(key, decl.site());
    SourceSpan own = decl.source().span();
    boolean inside = own.file() == span.file() && own.start() <= span.start() && span.end() <= own.end();
    return inside ? span : decl.site();
  }

  private static String nodeName(BoundEntry entry) {
    return entry.get("node").filter(Typed.Ref.class::isInstance).map(t -> ((Typed.Ref) t).name()).orElse("");
  }
}
