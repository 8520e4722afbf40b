package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code unbacked-volume}: every volume and database says how it is backed up — a policy, or
 * {@code backup none} to state that it needs none — so that no data is left out by oversight.
 */
public final class BackupCoverageChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    List<Decl> policies = program.decls(Kind.BACKUP);
    String policy = policies.isEmpty() ? "backup POLICY" : "backup " + policies.get(0).name();
    for (Decl decl : program.decls()) {
      if ((decl.kind() != Kind.VOLUME && decl.kind() != Kind.DATABASE) || decl.isStd() || backupStated(program, decl)) {
        continue;
      }
      report.accept(Diagnostic.warning(Code.UNBACKED_VOLUME, decl.site(), decl.label() + " has no backup")
          .withHint("add `" + policy + "`, or `backup none` to say it needs none"));
    }
  }

  private static boolean backupStated(Program program, Decl decl) {
    return decl.kind() == Kind.VOLUME
        ? Volume.of(program.model(), decl).backupStated()
        : Database.of(program.model(), decl).backupStated();
  }
}
