package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupCredentials;
import dev.clusterc.compiler.model.BackupCredentials.Role;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.BackupSecretKeys;
import dev.clusterc.compiler.rules.BackupSecretKeys.Need;
import dev.clusterc.compiler.rules.BackupSecretKeys.Reader;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A backup policy's {@code credentials} hold what its movers read ({@link BackupSecretKeys}), and
 * an Azure target names its storage account where the mover looks for it.
 *
 * <p>Checked for the movers the policy really has: VolSync's restic mover when a volume uses a
 * {@code via restic} policy, CloudNativePG's Barman when a database uses it. A secret that lists its
 * {@code keys} must hold a key for each need (the error points at the {@code credentials} entry and
 * names the conventional key); one that lists none cannot be checked. Restic always needs a password,
 * so a restic policy on an {@code nfs://} share needs {@code credentials} too. Barman finds the
 * Azure account only in {@code destinationPath}, so for a database the account must be in the
 * target or the {@code endpoint}, and a blob host outside {@code blob.core.windows.net} (an
 * emulator or another cloud) needs a connection string.
 */
public final class BackupCredentialsChecker implements Checker {
  private static final Set<String> SCHEMES = Set.of("s3", "azure", "gs", "nfs");

  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    ClusterModel model = program.model();
    SourceDecls.each(program, Kind.BACKUP, reportAll, (decl, exempt, report) -> {
      Backup backup = Backup.of(model, decl);
      BackupTarget target = backup.target();
      if (exempt || target == null || !SCHEMES.contains(target.scheme())) {
        return;
      }
      boolean restic = backup.via() == Backup.Via.RESTIC && usedBy(model, Kind.VOLUME, decl);
      boolean barman = usedBy(model, Kind.DATABASE, decl);
      if (restic && target.nfs() && !backup.hasCredentials()) {
        report.accept(Diagnostic.error(Code.BACKUP_CREDENTIALS, decl.site(),
                decl.label() + " has no `credentials`, and restic cannot open its repository without a password")
            .withHint("add `credentials SECRET`, naming a secret whose keys include `RESTIC_PASSWORD`"));
      }
      if (barman && target.scheme().equals("azure")) {
        azureForBarman(program, decl, backup, report);
      }
      if (backup.hasCredentials()) {
        if (restic) {
          missing(program, decl, backup, Reader.RESTIC, report);
        }
        if (barman) {
          missing(program, decl, backup, Reader.BARMAN, report);
        }
      }
    });
  }

  private static void azureForBarman(Program program, Decl decl, Backup backup, Consumer<Diagnostic> report) {
    BackupTarget target = backup.target();
    if (target.azureAccount() == null) {
      report.accept(Diagnostic.error(Code.BACKUP_CREDENTIALS, target.span(),
              "the target `" + target.text() + "` of " + decl.label() + " names no storage account, and CloudNativePG's"
                  + " Barman reads the account only from the URL it writes to")
          .withHint("name the account in the target, `azure://ACCOUNT.blob.core.windows.net/" + target.bucket()
              + (target.prefix().isEmpty() ? "" : "/" + target.prefix()) + "`, or give `endpoint \"https://ACCOUNT.blob.core.windows.net\"`"));
      return;
    }
    BackupCredentials keys = backup.credentials();
    if (!target.azurePublicBlobHost() && keys.listsKeys() && keys.find(Role.AZURE_CONNECTION_STRING).isEmpty()) {
      report.accept(Diagnostic.error(Code.BACKUP_CREDENTIALS, keys.entry() != null ? keys.entry() : target.span(),
              "Barman treats the blob host `" + target.accountHost() + "` of " + decl.label()
                  + " as an emulator, which it reaches only with a connection string, and secret " + keys.secret()
                  + " declares none")
          .withHint("add `" + Role.AZURE_CONNECTION_STRING.conventional() + "` to the keys of secret " + keys.secret()
              + ", or use the account's host on blob.core.windows.net")
          .withRelated(Sites.editable(program, decl, target.span()), "the target is " + target.text()));
    }
  }

  private static void missing(Program program, Decl decl, Backup backup, Reader reader, Consumer<Diagnostic> report) {
    BackupCredentials keys = backup.credentials();
    List<Need> unmet = BackupSecretKeys.unmet(reader, backup.target(), keys);
    for (Need need : unmet) {
      Diagnostic found = Diagnostic.error(Code.BACKUP_CREDENTIALS, keys.entry(),
              "secret " + keys.secret() + ", the credentials of " + decl.label() + ", has no key for " + need.what()
                  + ", which " + reader.label() + " needs for its " + backup.target().scheme() + ":// target")
          .withHint("add " + need.keyNames() + " to the `keys` of secret " + keys.secret() + " (and to its value)");
      if (keys.declaration() != null && keys.declaration().body() != null) {
        found = found.withRelated(keys.declaration().body().spanOf("keys", keys.declaration().site()),
            "its keys are declared here");
      }
      report.accept(found);
    }
  }

  private static boolean usedBy(ClusterModel model, Kind kind, Decl policy) {
    for (Decl user : model.decls(kind)) {
      Decl backup = kind == Kind.VOLUME ? Volume.of(model, user).backup() : Database.of(model, user).backup();
      if (backup == policy) {
        return true;
      }
    }
    return false;
  }
}
