package dev.clusterc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one checker alone over an inline cluster, so that a test sees only what that checker
 * reports, whatever other checkers are registered. The input must otherwise be well-formed: a
 * typo in a test's cluster fails the test instead of silently checking nothing.
 */
final class CheckerHarness {
  private static final Set<Code> MALFORMED = EnumSet.of(Code.SYNTAX, Code.UNKNOWN_KIND, Code.UNKNOWN_PROPERTY,
      Code.MISSING_PROPERTY, Code.DUPLICATE_PROPERTY, Code.TYPE_MISMATCH, Code.UNDEFINED_REFERENCE,
      Code.WRONG_REFERENCE_KIND, Code.DUPLICATE_DECLARATION, Code.UNKNOWN_TEMPLATE, Code.TEMPLATE_ARGUMENT,
      Code.NO_CLUSTER, Code.MULTIPLE_CLUSTERS, Code.MISSING_PROVIDER, Code.LAYER_VIOLATION, Code.DEPENDENCY_CYCLE);

  private CheckerHarness() {}

  /** One checker that runs {@code checkers} in turn, for a test of rules that go together. */
  static Checker together(Checker... checkers) {
    return (program, report) -> {
      for (Checker checker : checkers) {
        checker.check(program, report);
      }
    };
  }

  /** The checker's diagnostics as {@code LINE:COL: severity[code]: message} lines, sorted. */
  static String run(Checker checker, String text) {
    return CheckFixture.render(diagnostics(checker, text, true));
  }

  /** The same, for inputs that are broken on purpose (the checker must stay quiet about what it cannot judge). */
  static String runBroken(Checker checker, String text) {
    return CheckFixture.render(diagnostics(checker, text, false));
  }

  /** Each diagnostic with its hint and notes: {@code   hint: …} and {@code   note LINE:COL: …} lines. */
  static String detailed(Checker checker, String text) {
    return diagnostics(checker, text, true).stream().map(d -> {
      StringBuilder out = new StringBuilder(CheckFixture.render(List.of(d)));
      if (d.hint() != null) {
        out.append("\n  hint: ").append(d.hint());
      }
      for (Diagnostic.Related related : d.related()) {
        out.append("\n  note ").append(related.span().file().path().equals("test.cluster") ? "" : related.span().file().path() + ":")
            .append(related.span().begin()).append(": ").append(related.message());
      }
      return out.toString();
    }).collect(Collectors.joining("\n"));
  }

  static List<Diagnostic> diagnostics(Checker checker, String text, boolean wellFormed) {
    Program program = CheckFixture.program(text);
    if (wellFormed) {
      List<Diagnostic> malformed = program.diagnostics().stream().filter(d -> MALFORMED.contains(d.code())).toList();
      assertEquals("", CheckFixture.render(malformed), "the test's cluster is malformed");
    }
    List<Diagnostic> found = new ArrayList<>();
    checker.check(program, found::add);
    found.sort(Diagnostic.ORDER);
    return found;
  }
}
