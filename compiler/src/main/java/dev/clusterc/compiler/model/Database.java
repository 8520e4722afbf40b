package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Duration;
import dev.clusterc.compiler.types.Quantity;

/**
 * A {@code database}, lowered: a PostgreSQL cluster with the schema's defaults ({@code version},
 * {@code instances}, {@code wal-archive}, {@code namespace}) filled in, and the backup policy it
 * names.
 *
 * @param decl the declaration
 * @param version the PostgreSQL major version
 * @param instances how many instances run
 * @param size the storage of each instance, or {@code null} when not written
 * @param storageClass the {@code class}, or {@code null} for the cluster's default
 * @param backupEntry where the {@code backup} entry (a policy or {@code none}) is written, or {@code null}
 * @param backup the backup policy, or {@code null} for none
 * @param walArchive how often WAL is archived at the latest
 * @param namespace the namespace it lives in
 */
public record Database(
    Decl decl, Written<Long> version, Written<Long> instances, Written<Quantity> size, String storageClass, SourceSpan backupEntry, Decl backup,
    Duration walArchive, String namespace) {

  public static Database of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Database.class, Database::lower);
  }

  /** The database lowered without a model to keep it in, for rules that hold only the declaration. */
  public static Database lower(Decl decl) {
    BoundBlock body = OwnSpans.body(decl);
    Duration walArchive = body.typed("wal-archive", Typed.Dur.class).map(Typed.Dur::value)
        .orElseGet(() -> Duration.ofSeconds(((java.time.Duration) body.defaultOf("wal-archive")).getSeconds()));
    return new Database(decl, counted(body, "version"), counted(body, "instances"),
        body.typed("size", Typed.Qty.class).map(Written::of).orElse(null), body.str("class").orElse(null),
        body.first("backup").map(e -> e.entry().span()).orElse(null), Backup.policyOf(body), walArchive, namespaceOf(decl));
  }

  /** A database's {@code namespace}, else the schema's default: what the namespace rules need without the rest. */
  public static String namespaceOf(Decl decl) {
    return OwnSpans.body(decl).sym("namespace").orElseThrow();
  }

  /** A count as written, else the schema's default. */
  private static Written<Long> counted(BoundBlock body, String key) {
    return body.typed(key, Typed.Int.class).map(Written::of)
        .orElseGet(() -> Written.byDefault(body.integer(key).orElseThrow()));
  }

  public String name() {
    return decl.name();
  }

  /** Whether a {@code backup} entry is written: a policy, or {@code none} to say it needs none. */
  public boolean backupStated() {
    return backupEntry != null;
  }
}
