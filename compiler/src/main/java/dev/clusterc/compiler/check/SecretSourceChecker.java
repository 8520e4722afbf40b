package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.function.Consumer;

/**
 * A secret comes from exactly one of {@code sops}, {@code external}, {@code sealed} and
 * {@code env-file}: none is
 * {@code missing-property}, each one after the first {@code duplicate-property}, pointing at the
 * first.
 */
public final class SecretSourceChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.SECRET, reportAll, (decl, exempt, report) -> {
      List<Secret.Source> sources = Secret.of(program.model(), decl).sources();
      if (sources.isEmpty() && !exempt) {
        report.accept(Diagnostic.error(Code.MISSING_PROPERTY, decl.site(), decl.label() + " has no source")
            .withHint("add one of `sops PATH`, `external STORE key KEY` or `sealed PATH` (or `env-file PATH` for a cluster without `gitops`)"));
      }
      for (Secret.Source second : sources.stream().skip(1).toList()) {
        String first = sources.get(0).keyword();
        report.accept(Diagnostic.error(Code.DUPLICATE_PROPERTY, second.span(),
                decl.label() + " has a second source, `" + second.keyword() + "` after `" + first + "`")
            .withHint("a secret comes from exactly one of `sops`, `external`, `sealed` and `env-file`: remove one")
            .withRelated(Sites.editable(program, decl, sources.get(0).span()), "the first source, `" + first + "`, is here"));
      }
    });
  }
}
