package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The prefix of {@code database DB as PREFIX} starts the names of the environment variables the app
 * reads its credentials from ({@code PREFIX_HOST}, …), so it must be able to start one.
 */
public final class EnvPrefixChecker implements Checker {
  private static final Pattern ENV_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.APP, reportAll, (decl, exempt, report) -> {
      for (App.DatabaseRead database : App.of(program.model(), decl).databases()) {
        SourceSpan prefix = database.prefixSpan();
        if (prefix != null && !ENV_PREFIX.matcher(prefix.text()).matches()) {
          report.accept(Diagnostic.error(Code.INVALID_VALUE, prefix,
                  "`" + prefix.text() + "` cannot start an environment variable name")
              .withHint("use letters, digits and `_`, not starting with a digit, e.g. `"
                  + prefix.text().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + "`"));
        }
      }
    });
  }
}
