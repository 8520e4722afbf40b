package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppPort;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/** Every port number written (an app's {@code port}, a gateway listener's {@code port}) lies in 1–65535. */
public final class PortRangeChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.APP, reportAll, (decl, exempt, report) -> {
      for (AppPort port : App.of(program.model(), decl).ports()) {
        if (port.number() != null) {
          port(port.number(), "port `" + port.label() + "` of " + decl.label(), report);
        }
      }
    });
    SourceDecls.each(program, Kind.GATEWAY, reportAll, (decl, exempt, report) -> {
      for (Listener listener : Gateway.of(program.model(), decl).listeners()) {
        if (listener.writtenPort() != null) {
          port(listener.writtenPort(), "the port of listener `" + listener.name() + "` of " + decl.label(), report);
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
