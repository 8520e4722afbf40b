package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Locale;

/**
 * A {@code backup} policy, lowered: its schedule parsed, its {@code keep} counted, its target taken
 * apart and its credentials' keys listed, once per analysis, for the checks and for every volume
 * and database that names it. {@code via} is the schema's default when not written.
 *
 * @param decl the declaration
 * @param schedule the {@code schedule}, or {@code null} when not written
 * @param keep the {@code keep}, or {@code null} when not written
 * @param target the {@code target}, or {@code null} when not written
 * @param via who carries the backup out
 * @param viaEntry the whole {@code via} entry, or {@code null} when it is the default
 * @param credentials the keys of the {@code credentials} secret; {@link BackupCredentials#secret()} is
 *     {@code null} when the policy names none
 */
public record Backup(Decl decl, Schedule schedule, Retention keep, BackupTarget target, Via via, SourceSpan viaEntry,
    BackupCredentials credentials) {

  /** {@code via restic|velero|longhorn}. */
  public enum Via {
    RESTIC, VELERO, LONGHORN;

    static Via of(String word) {
      return valueOf(word.toUpperCase(Locale.ROOT));
    }
  }

  public static Backup of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Backup.class, Backup::lower);
  }

  private static Backup lower(Decl decl) {
    BoundBlock body = OwnSpans.body(decl);
    Schedule schedule = body.typed("schedule", Typed.Str.class).map(Schedule::of).orElse(null);
    Retention keep = body.first("keep").map(Retention::of).orElse(null);
    String endpoint = body.typed("endpoint", Typed.Str.class).map(Typed.Str::value).orElse(null);
    BackupTarget target = body.typed("target", Typed.Str.class)
        .map(t -> BackupTarget.parse(t.value(), t.span(), body.spanOf("target", t.span()), endpoint)).orElse(null);
    BackupCredentials credentials = body.first("credentials").map(BackupCredentials::of).orElse(BackupCredentials.NONE);
    return new Backup(decl, schedule, keep, target, Via.of(body.sym("via").orElseThrow()),
        body.first("via").map(e -> e.entry().span()).orElse(null), credentials);
  }

  public String name() {
    return decl.name();
  }

  /** Whether the policy has {@code credentials} (resolved or not: a wrong one is reported once, elsewhere). */
  public boolean hasCredentials() {
    return credentials.secret() != null;
  }

  /**
   * The policy a volume's or database's {@code backup} entry names: {@code null} for
   * {@code backup none}, for a reference that resolved to nothing, and when there is no entry.
   */
  static Decl policyOf(BoundBlock body) {
    return body.first("backup").flatMap((BoundEntry e) -> e.ref("value")).orElse(null);
  }
}
