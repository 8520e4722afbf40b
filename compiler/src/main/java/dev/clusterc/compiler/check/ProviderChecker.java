package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.graph.Need;
import dev.clusterc.compiler.graph.Needs;
import dev.clusterc.compiler.model.Components;
import dev.clusterc.compiler.model.UseInsertion;
import dev.clusterc.compiler.program.Program;
import java.util.function.Consumer;

/** {@code missing-provider}: a feature whose provider is not in use, with the {@code use} that fixes it. */
public final class ProviderChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl decl : program.decls()) {
      if (decl.isStd()) {
        continue;
      }
      for (Need need : Needs.capabilities(program.model(), decl)) {
        if (!program.providers(need.capability()).isEmpty()) {
          continue;
        }
        var std = Components.stdProvider(need.capability());
        String message = std.isPresent()
            ? decl.label() + " " + need.reason() + ", but " + std.get() + " is not in use"
            : decl.label() + " " + need.reason() + ", but no component provides `" + need.capability() + "`";
        String hint = std.isPresent()
            ? "add `use " + std.get() + "`"
            : "declare a component with `provides [\"" + need.capability() + "\"]`";
        Diagnostic diagnostic = Diagnostic.error(Code.MISSING_PROVIDER, need.span(), message).withHint(hint);
        if (std.isPresent()) {
          diagnostic = UseInsertion.fix(program.units(), need.span().file(), std.get()).map(diagnostic::withFix).orElse(diagnostic);
        }
        report.accept(diagnostic);
      }
    }
  }
}
