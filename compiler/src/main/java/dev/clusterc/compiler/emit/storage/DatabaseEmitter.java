package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.app.DatabaseCredentialsCopy;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.OwnSpans;
import dev.clusterc.compiler.types.Duration;

/**
 * A {@code database}: a CloudNativePG Cluster ({@code postgresql.cnpg.io/v1}) named after it in its
 * namespace, and, when it is backed up, a ScheduledBackup of the same name.
 *
 * <ul>
 *   <li>{@code version N} runs the image {@code ghcr.io/cloudnative-pg/postgresql:N};</li>
 *   <li>{@code size} and {@code class} are each instance's storage;</li>
 *   <li>{@code instances} above 1 are kept on different nodes ({@code affinity} with
 *       {@code podAntiAffinityType: required} on {@code kubernetes.io/hostname}), since a replica on
 *       its primary's node survives nothing the primary does not; the checker has made sure there are
 *       enough nodes;</li>
 *   <li>{@code backup B}: {@code spec.backup} from the policy ({@link CnpgBackup}), WAL archived at
 *       least every {@code wal-archive} ({@code archive_timeout}), and base backups on B's schedule.
 *       CloudNativePG reads schedules with a leading seconds field, so {@code 0 3 * * *} becomes
 *       {@code 0 0 3 * * *}: given five fields it would take the first as seconds and back up every
 *       hour. Schedules run in UTC;</li>
 *   <li>{@code backup none}: no {@code spec.backup}, no archiving, no ScheduledBackup.</li>
 * </ul>
 * The database's own credentials are CloudNativePG's: it creates the Secret {@code NAME-app} and the
 * Services {@code NAME-rw} and {@code NAME-r}, which apps are connected to. Apps of other namespaces
 * get a copy of the Secret ({@link DatabaseCredentialsCopy}).
 */
public final class DatabaseEmitter implements Emitter {
  static final String API_VERSION = "postgresql.cnpg.io/v1";
  static final String IMAGE = "ghcr.io/cloudnative-pg/postgresql";

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Database database = Database.of(context.program().model(), decl);
    String namespace = context.namespaceOf(decl);
    Backup backup = database.backup() == null ? null : Backup.of(context.program().model(), database.backup());

    KubeObject cluster = context.object(decl, API_VERSION, "Cluster", decl.name(), namespace);
    cluster.put("spec", map(
        "instances", database.instances().value(),
        "imageName", IMAGE + ":" + database.version().value(),
        "storage", map("size", database.size().value().toString(), "storageClass", database.storageClass()),
        "affinity", database.instances().value() > 1 ? map(
            "enablePodAntiAffinity", true,
            "podAntiAffinityType", "required",
            "topologyKey", VolumeClaims.HOSTNAME_LABEL) : null,
        "postgresql", backup == null ? null
            : map("parameters", map("archive_timeout", archiveTimeout(database.walArchive()))),
        "backup", backup == null ? null : CnpgBackup.spec(backup)));
    unit.add(cluster);
    DatabaseCredentialsCopy.source(decl, context).forEach(unit::add);

    if (backup != null && backup.schedule() != null && backup.schedule().valid()) {
      unit.add(context.object(decl, OwnSpans.of(decl, "backup"), API_VERSION, "ScheduledBackup", decl.name(),
          namespace).put("spec", map(
              "schedule", backup.schedule().cron().toSixField(),
              "cluster", map("name", decl.name()),
              "backupOwnerReference", "self",
              "method", "barmanObjectStore")));
    }
  }

  /** {@code wal-archive} as a PostgreSQL time setting, in its largest exact unit: {@code 5min}, {@code 1h}, {@code 90s}. */
  static String archiveTimeout(Duration walArchive) {
    long seconds = walArchive.seconds();
    if (seconds > 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    } else if (seconds > 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    } else if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "min";
    }
    return seconds + "s";
  }
}
