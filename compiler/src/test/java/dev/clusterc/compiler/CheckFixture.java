package dev.clusterc.compiler;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Frontend;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Checks a cluster written inline in a test, as one file named {@code test.cluster}. */
public final class CheckFixture {
  private CheckFixture() {}

  public static Program program(String text) {
    SourceUnit unit = Parser.parse(new SourceFile("test.cluster", text));
    return Frontend.analyze(List.of(unit), new ArrayList<>(unit.diagnostics()));
  }

  /** Every diagnostic as {@code LINE:COL: severity[code]: message}, one per line. */
  public static String check(String text) {
    return render(program(text).diagnostics());
  }

  public static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.span().begin() + ": " + d.severity().label() + "[" + d.code().id() + "]: " + d.message())
        .collect(Collectors.joining("\n"));
  }

  /** A small valid cluster (one control plane, two workers) to which a test appends declarations. */
  public static final String BASE = """
      cluster test {
        domain "example.org"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
      }
      node cp { role control-plane; address 10.0.0.2 }
      node w1 { role worker; address 10.0.0.11 }
      node w2 { role worker; address 10.0.0.12 }
      """;
}
