package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.app.DatabaseCredentialsCopy;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.types.Cron;
import dev.clusterc.compiler.types.LiteralException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
    BoundBlock body = decl.body();
    String namespace = context.namespaceOf(decl);
    long instances = body.integer("instances").orElse(1L);
    Decl backup = body.first("backup").flatMap(e -> e.ref("value")).orElse(null);

    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("instances", instances);
    spec.put("imageName", IMAGE + ":" + body.integer("version").orElse(17L));
    Map<String, Object> storage = new LinkedHashMap<>();
    storage.put("size", body.typed("size", Typed.Qty.class).map(q -> q.value().toString()).orElse("1Gi"));
    body.str("class").ifPresent(c -> storage.put("storageClass", c));
    spec.put("storage", storage);
    if (instances > 1) {
      Map<String, Object> affinity = new LinkedHashMap<>();
      affinity.put("enablePodAntiAffinity", true);
      affinity.put("podAntiAffinityType", "required");
      affinity.put("topologyKey", VolumeClaims.HOSTNAME_LABEL);
      spec.put("affinity", affinity);
    }
    if (backup != null) {
      spec.put("postgresql", Map.of("parameters", Map.of("archive_timeout", archiveTimeout(body))));
      spec.put("backup", CnpgBackup.spec(backup));
    }
    unit.add(context.resource(API_VERSION, "Cluster", context.meta(decl, decl.name(), namespace), spec));
    DatabaseCredentialsCopy.source(decl, context).forEach(unit::add);

    if (backup != null) {
      sixFieldSchedule(backup).ifPresent(schedule -> {
        Map<String, Object> scheduled = new LinkedHashMap<>();
        scheduled.put("schedule", schedule);
        scheduled.put("cluster", Map.of("name", decl.name()));
        scheduled.put("backupOwnerReference", "self");
        scheduled.put("method", "barmanObjectStore");
        unit.add(context.resource(API_VERSION, "ScheduledBackup",
            context.meta(decl, VolumeSpec.ownSpan(decl, "backup"), decl.name(), namespace), scheduled));
      });
    }
  }

  /** {@code wal-archive} as a PostgreSQL time setting, in its largest exact unit: {@code 5min}, {@code 1h}, {@code 90s}. */
  static String archiveTimeout(BoundBlock body) {
    long seconds = body.typed("wal-archive", Typed.Dur.class).map(d -> d.value().seconds())
        .orElseGet(() -> body.defaultOf("wal-archive") instanceof java.time.Duration d ? d.getSeconds() : 300L);
    if (seconds > 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    } else if (seconds > 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    } else if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "min";
    }
    return seconds + "s";
  }

  /** The policy's schedule with the seconds field CloudNativePG expects first. */
  static Optional<String> sixFieldSchedule(Decl backup) {
    return backup.body().typed("schedule", Typed.Str.class).flatMap(s -> {
      try {
        return Optional.of(Cron.parse(s.value()).toSixField());
      } catch (LiteralException malformed) { // reported by the checker; a checked program has none
        return Optional.empty();
      }
    });
  }
}
