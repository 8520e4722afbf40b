package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Quantity;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code volume}, lowered: its claim's shape, the node directory behind it, its replica and its
 * backup, with the schema's defaults ({@code access rwo}, {@code restore false}) filled in. The
 * checks read it whatever was wrong; the emitters read it once the program is checked, when what
 * is {@code null} here was not written rather than wrong.
 *
 * @param decl the declaration
 * @param size the {@code size}, or {@code null} when not written
 * @param access the access mode
 * @param storageClass the {@code class}, or {@code null} for the cluster's default
 * @param classEntry the whole {@code class} entry, or {@code null}
 * @param local the node directory of {@code local NODE at PATH}, or {@code null}
 * @param replica the second node of {@code replicate to NODE via METHOD}, or {@code null}
 * @param replicateEntry the whole {@code replicate} entry (bound or not), or {@code null}
 * @param replicas the {@code replicas} written, or {@code null}
 * @param backupEntry where the {@code backup} entry (a policy or {@code none}) is written, or {@code null}
 * @param backup the backup policy, or {@code null} for none
 * @param restore whether the volume is populated from its latest backup
 */
public record Volume(
    Decl decl, Written<Quantity> size, Access access, String storageClass, SourceSpan classEntry, Local local, Replica replica,
    SourceSpan replicateEntry, Written<Long> replicas,
    SourceSpan backupEntry, Decl backup, boolean restore) {

  /** {@code access rwo|rwx|rox}, with the Kubernetes access mode each means. */
  public enum Access {
    RWO("ReadWriteOnce"), RWX("ReadWriteMany"), ROX("ReadOnlyMany");

    private final String mode;

    Access(String mode) {
      this.mode = mode;
    }

    /** The Kubernetes access mode ({@code ReadWriteOnce}, …). */
    public String mode() {
      return mode;
    }
  }

  /** {@code local NODE at PATH}: the node as written, the directory, and where the entry is. */
  public record Local(Typed.Ref node, String path, SourceSpan span) {}

  /** {@code replicate to NODE via syncthing|rsync}: the node as written, the method, and where the entry is. */
  public record Replica(Typed.Ref node, String method, SourceSpan span) {

    public boolean rsync() {
      return "rsync".equals(method);
    }
  }

  public static Volume of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Volume.class, Volume::lower);
  }

  private static Volume lower(Decl decl) {
    BoundBlock body = OwnSpans.body(decl);
    Written<Quantity> size = body.typed("size", Typed.Qty.class).map(Written::of).orElse(null);
    Access access = Access.valueOf(body.sym("access").orElseThrow().toUpperCase(Locale.ROOT));
    Local local = body.first("local").flatMap(e -> node(e)
        .map(node -> new Local(node, e.str("path").orElse(null), OwnSpans.of(decl, "local")))).orElse(null);
    Replica replica = body.first("replicate").flatMap(e -> node(e)
        .map(node -> new Replica(node, e.sym("method").orElse(null), OwnSpans.of(decl, "replicate")))).orElse(null);
    return new Volume(decl, size, access, body.str("class").orElse(null), entrySpan(body, "class"), local, replica,
        entrySpan(body, "replicate"),
        body.typed("replicas", Typed.Int.class).map(Written::of).orElse(null), body.first("backup").map(e -> e.entry().span()).orElse(null), Backup.policyOf(body),
        body.bool("restore").orElseThrow());
  }

  private static SourceSpan entrySpan(BoundBlock body, String key) {
    return body.first(key).map(e -> e.entry().span()).orElse(null);
  }

  private static Optional<Typed.Ref> node(BoundEntry entry) {
    return entry.get("node").filter(Typed.Ref.class::isInstance).map(Typed.Ref.class::cast);
  }

  public String name() {
    return decl.name();
  }

  /** Whether a {@code backup} entry is written: a policy, or {@code none} to say it needs none. */
  public boolean backupStated() {
    return backupEntry != null;
  }

  /** Whether the volume lives on one node's directory ({@code local NODE at PATH}). */
  public boolean isLocal() {
    return local != null;
  }

  /** Whether a local volume is copied to a second node (a {@code replicate} without {@code local} copies nothing). */
  public boolean replicated() {
    return local != null && replica != null;
  }

  /** Where an entry was written, for the objects it makes ({@link OwnSpans}). */
  public SourceSpan spanOf(String key) {
    return OwnSpans.of(decl, key);
  }
}
