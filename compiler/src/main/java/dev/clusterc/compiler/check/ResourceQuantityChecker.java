package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An app's {@code resources} are above zero, and memory is whole bytes: {@code memory 512m} asks
 * for 0.512 bytes ({@code m} is milli in a quantity, a common slip for {@code Mi}).
 */
public final class ResourceQuantityChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.APP, reportAll, (decl, exempt, report) -> {
      App.Resources resources = App.of(program.model(), decl).resources();
      if (resources == null) {
        return;
      }
      aboveZero(decl, "cpu", resources.cpu(), report);
      aboveZero(decl, "memory", resources.memory(), report);
      Optional.ofNullable(resources.memory()).filter(m -> m.value().signum() > 0 && !m.value().isWhole()).ifPresent(memory -> {
        String text = memory.value().toString();
        String digits = text.replaceAll("[a-zA-Z]+$", "");
        boolean milli = text.matches(".*[0-9](m|u|n)");
        report.accept(Diagnostic.error(Code.INVALID_VALUE, memory.span(), "memory `" + text + "` of " + decl.label() + " is "
                + memory.value().value().toPlainString() + " bytes" + (milli ? ": `m` means milli, not mega" : ", not a whole number"))
            .withHint(milli ? "write `" + digits + "Mi` for " + digits + " mebibytes" : "write whole bytes, or use a unit such as `Mi` or `Gi`"));
      });
    });
  }

  private static void aboveZero(Decl decl, String what, Typed.Qty quantity, Consumer<Diagnostic> report) {
    if (quantity != null && quantity.value().signum() <= 0) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, quantity.span(),
          what + " `" + quantity.value() + "` of " + decl.label() + " must be above zero"));
    }
  }
}
