package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A backup's {@code target} is a backup location ({@code s3://}, {@code azure://}, {@code gs://} or
 * {@code nfs://} with something after the scheme), and one in an object store names the
 * {@code credentials} to reach it. A scheme in upper case gets its lower-case spelling as the hint.
 */
public final class BackupTargetChecker implements Checker {
  /** Backup target schemes, and whether a target there needs {@code credentials}. */
  private static final Map<String, Boolean> SCHEMES = Map.of("s3", true, "azure", true, "gs", true, "nfs", false);

  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.BACKUP, reportAll, (decl, exempt, report) -> {
      Backup backup = Backup.of(program.model(), decl);
      BackupTarget target = backup.target();
      if (target != null) {
        String text = target.text();
        int colon = text.indexOf("://");
        String scheme = colon < 0 ? "" : text.substring(0, colon);
        if (!SCHEMES.containsKey(scheme) || text.length() == colon + 3) {
          String known = SCHEMES.containsKey(scheme.toLowerCase(Locale.ROOT)) && !SCHEMES.containsKey(scheme)
              ? "write the scheme in lower case: `" + scheme.toLowerCase(Locale.ROOT) + "://`" : null;
          report.accept(Diagnostic.error(Code.INVALID_VALUE, target.span(),
                  "the target `" + text + "` of " + decl.label() + " is not a backup location")
              .withHint(known != null ? known
                  : "write `s3://BUCKET[/PREFIX]`, `azure://CONTAINER[/PREFIX]`, `gs://BUCKET[/PREFIX]` or `nfs://SERVER/PATH`"));
        } else if (SCHEMES.get(scheme) && !backup.hasCredentials() && !exempt) {
          report.accept(Diagnostic.error(Code.MISSING_PROPERTY, decl.site(),
                  decl.label() + " has no `credentials`, which its " + scheme + ":// target needs")
              .withHint("add `credentials SECRET`, naming the secret that holds the access keys")
              .withRelated(Sites.editable(program, decl, target.span()), "the target is " + text));
        }
      }
    });
  }
}
