package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/** Every port number written (an app's {@code port}, a gateway listener's {@code port}) lies in 1–65535. */
public final class PortRangeChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    Written.each(program, Kind.APP, reportAll, (decl, body, exempt, report) -> {
      for (BoundEntry port : body.all("port")) {
        port.get("number").filter(Typed.Int.class::isInstance).map(Typed.Int.class::cast)
            .ifPresent(n -> port(n, "port `" + port.firstArgument() + "` of " + decl.label(), report));
      }
    });
    Written.each(program, Kind.GATEWAY, reportAll, (decl, body, exempt, report) -> {
      for (BoundEntry listener : body.all("listener")) {
        if (listener.block() != null) {
          listener.block().typed("port", Typed.Int.class).ifPresent(port ->
              port(port, "the port of listener `" + listener.firstArgument() + "` of " + decl.label(), report));
        }
      }
    });
  }

  private static void port(Typed.Int port, String what, Consumer<Diagnostic> report) {
    if (port.value() < 1 || port.value() > 65535) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, port.span(), what + " is " + port.value() + "; ports are 1–65535"));
    }
  }
}
