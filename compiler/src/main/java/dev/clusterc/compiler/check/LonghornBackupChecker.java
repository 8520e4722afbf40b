package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.Retention;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.BackupFit;
import dev.clusterc.compiler.rules.LonghornBackups;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code backup-via} for {@code via longhorn}: what Longhorn would refuse, or silently not do.
 * <ul>
 *   <li>a volume that names the policy is a Longhorn volume ({@link BackupFit#longhornMisfit}):
 *       a local directory, a volume of another class, or one without a class would carry the
 *       group label and never be backed up;</li>
 *   <li>the target is one Longhorn writes to ({@code nfs://}, {@code s3://}, {@code azure://}), and
 *       every Longhorn policy has the same one (volumes back up to Longhorn's one default target);</li>
 *   <li>the credentials secret, when it declares its keys, has the names Longhorn reads
 *       ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, and {@code AWS_ENDPOINTS} with an
 *       {@code endpoint}: Longhorn takes the endpoint from the secret only);</li>
 *   <li>each {@code keep} count is at most 100, and the job names {@code POLICY-monthly} fit
 *       Longhorn's 40 characters.</li>
 * </ul>
 */
public final class LonghornBackupChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.VOLUME, reportAll, (decl, exempt, report) -> volume(program, decl, report));
    BackupTarget[] first = new BackupTarget[1];
    SourceDecls.each(program, Kind.BACKUP, reportAll, (decl, exempt, report) -> {
      Backup backup = Backup.of(program.model(), decl);
      if (backup.via() == Backup.Via.LONGHORN) {
        policy(decl, backup, first, report);
      }
    });
  }

  private static void volume(Program program, Decl decl, Consumer<Diagnostic> report) {
    Volume volume = Volume.of(program.model(), decl);
    if (volume.backup() == null || Backup.of(program.model(), volume.backup()).via() != Backup.Via.LONGHORN) {
      return;
    }
    String policy = "backup " + volume.backup().name();
    BackupFit.longhornMisfit(program.model(), volume).ifPresent(misfit -> report.accept(switch (misfit) {
      case LOCAL -> Diagnostic.error(Code.BACKUP_VIA, volume.backupEntry(),
              decl.label() + " is a directory on one node, which Longhorn cannot back up (" + policy + " is via longhorn)")
          .withHint("back it up with a restic policy, or drop `local` and give it `class \"longhorn\"`")
          .withRelated(volume.local().span(), "the volume is local here");
      case NO_CLASS -> Diagnostic.error(Code.BACKUP_VIA, volume.backupEntry(),
              decl.label() + " has no `class`, so it may not be a Longhorn volume, and " + policy + " is via longhorn")
          .withHint("add `class \"longhorn\"`, so that Longhorn provisions it and its recurring jobs back it up");
      case OTHER_CLASS -> Diagnostic.error(Code.BACKUP_VIA, volume.classEntry(),
              decl.label() + " has class `" + volume.storageClass() + "`, not a Longhorn class, so Longhorn never backs it up ("
                  + policy + " is via longhorn)")
          .withHint("use `class \"longhorn\"` (or a class the Longhorn component provides as `storage-class:CLASS`), "
              + "or back it up with a restic policy")
          .withRelated(volume.backupEntry(), "the backup is named here");
    }));
  }

  private static void policy(Decl decl, Backup backup, BackupTarget[] first, Consumer<Diagnostic> report) {
    if (decl.name().length() < 2 || (decl.name() + "-monthly").length() > LonghornBackups.MAX_JOB_NAME) {
      report.accept(Diagnostic.error(Code.BACKUP_VIA, decl.site(),
              "Longhorn cannot name the recurring jobs of " + decl.label() + ": `" + decl.name()
                  + "-monthly` must have at most 40 characters, and a group name at least 2")
          .withHint("rename the policy to 2 to 32 characters"));
    }
    Retention keep = backup.keep();
    if (keep != null) {
      keep.counts().forEach((period, count) -> {
        if (count.value() > LonghornBackups.MAX_RETAIN) {
          report.accept(Diagnostic.error(Code.BACKUP_VIA, count.valueSpan(),
                  decl.label() + " keeps " + count.value() + " " + period.key() + " copies; Longhorn keeps at most "
                      + LonghornBackups.MAX_RETAIN + " backups per job")
              .withHint("keep at most 100, and keep longer with a longer period (e.g. `weekly`)"));
        }
      });
    }
    BackupTarget target = backup.target();
    if (target == null) {
      return;
    }
    if (!LonghornBackups.SCHEMES.contains(target.scheme())) {
      report.accept(Diagnostic.error(Code.BACKUP_VIA, target.span(),
              "Longhorn cannot back up to `" + target.text() + "` (" + decl.label() + " is via longhorn)")
          .withHint("use an `nfs://`, `s3://` or `azure://` target, or back up via velero or restic"));
      return;
    }
    if (first[0] == null) {
      first[0] = target;
    } else if (!first[0].text().equals(target.text()) || !Objects.equals(first[0].endpoint(), target.endpoint())) {
      report.accept(Diagnostic.error(Code.BACKUP_VIA, target.span(),
              decl.label() + " backs up to `" + target.text() + "`, but Longhorn backs every volume up to one target, `"
                  + first[0].text() + "`")
          .withHint("give every `via longhorn` policy the same target and endpoint")
          .withRelated(first[0].span(), "the first Longhorn target"));
    }
    List<String> declared = backup.credentials().keys();
    if (!declared.isEmpty()) {
      List<String> missing = LonghornBackups.secretKeys(target).stream().filter(k -> !declared.contains(k)).toList();
      if (!missing.isEmpty()) {
        report.accept(Diagnostic.error(Code.BACKUP_VIA, backup.credentials().entry(),
                "Longhorn reads " + String.join(", ", missing) + " from secret " + backup.credentials().secret()
                    + ", which declares " + String.join(", ", declared) + " (" + decl.label() + " is via longhorn)")
            .withHint("give the secret the keys Longhorn reads: `keys [\"" + String.join("\", \"", LonghornBackups.secretKeys(target))
                + "\"]`" + (target.endpoint() != null ? ", with the endpoint in AWS_ENDPOINTS" : "")));
      }
    }
  }
}
