package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.BackupFit;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.syntax.Insertions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code unbacked-volume}: every volume and database says how it is backed up — a policy, or
 * {@code backup none} to state that it needs none — so that no data is left out by oversight.
 *
 * <p>Fixes: {@code backup none}, and {@code backup POLICY} for each policy that already backs a
 * declaration of the same kind and fits this one ({@link BackupFit}: a Longhorn policy only for a
 * Longhorn volume, an {@code nfs://} one for no database). A policy nothing of that kind uses yet
 * is only named in the hint: using it may bring its own findings to light (a restic policy without
 * credentials, checked only once a volume uses it), and a fix must certainly leave no new error.
 */
public final class BackupCoverageChecker implements Checker {
  /** Policies offered as fixes, besides {@code backup none}; an editor's menu of more would not help. */
  private static final int MAX_POLICY_FIXES = 5;

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    List<Decl> policies = program.decls(Kind.BACKUP);
    Set<Decl> provenForVolumes = new HashSet<>();
    Set<Decl> provenForDatabases = new HashSet<>();
    for (Decl decl : program.decls()) {
      if (decl.kind() == Kind.VOLUME && !decl.isStd() && Volume.of(program.model(), decl).backup() != null) {
        provenForVolumes.add(Volume.of(program.model(), decl).backup());
      } else if (decl.kind() == Kind.DATABASE && !decl.isStd() && Database.of(program.model(), decl).backup() != null) {
        provenForDatabases.add(Database.of(program.model(), decl).backup());
      }
    }
    for (Decl decl : program.decls()) {
      if ((decl.kind() != Kind.VOLUME && decl.kind() != Kind.DATABASE) || decl.isStd() || backupStated(program, decl)) {
        continue;
      }
      String policy = policies.stream().filter(p -> BackupFit.fits(program.model(), decl, p)).findFirst()
          .map(p -> "backup " + p.name()).orElse("backup POLICY");
      Diagnostic diagnostic = Diagnostic.warning(Code.UNBACKED_VOLUME, decl.site(), decl.label() + " has no backup")
          .withHint("add `" + policy + "`, or `backup none` to say it needs none");
      Set<Decl> proven = decl.kind() == Kind.VOLUME ? provenForVolumes : provenForDatabases;
      List<String> choices = new ArrayList<>(policies.stream().filter(proven::contains)
          .filter(p -> BackupFit.fits(program.model(), decl, p)).limit(MAX_POLICY_FIXES)
          .map(p -> "backup " + p.name()).toList());
      choices.add("backup none");
      for (String choice : choices) {
        boolean decision = choice.equals("backup none");
        diagnostic = Insertions.entry(decl.source().body(), choice).map(edit -> new Fix("add `" + choice + "`", List.of(edit), decision))
            .map(diagnostic::withFix).orElse(diagnostic);
      }
      report.accept(diagnostic);
    }
  }

  private static boolean backupStated(Program program, Decl decl) {
    return decl.kind() == Kind.VOLUME
        ? Volume.of(program.model(), decl).backupStated()
        : Database.of(program.model(), decl).backupStated();
  }
}
