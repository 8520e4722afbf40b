package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A database's backup archives to an object store: CloudNativePG sends WAL and base backups to
 * s3, azure or gs, not to nfs, so a backup policy with an {@code nfs://} target is
 * {@code invalid-value} on the database's {@code backup}.
 */
public final class DatabaseArchiveChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    Written.each(program, Kind.DATABASE, reportAll, (decl, body, exempt, report) ->
        body.first("backup").flatMap(e -> e.ref("value").map(backup -> Map.entry(e, backup))).ifPresent(pair -> {
          String target = pair.getValue().body() == null ? "" : pair.getValue().body().str("target").orElse("");
          if (target.startsWith("nfs://")) {
            report.accept(Diagnostic.error(Code.INVALID_VALUE, pair.getKey().entry().span(),
                    decl.label() + " is backed up by " + pair.getValue().label() + ", whose target " + target
                        + " is no object store; CloudNativePG archives to s3://, azure:// or gs://")
                .withHint("give the database a backup policy with an object-store target")
                .withRelated(pair.getValue().body().spanOf("target", pair.getValue().site()), "the target is here"));
          }
        }));
  }
}
