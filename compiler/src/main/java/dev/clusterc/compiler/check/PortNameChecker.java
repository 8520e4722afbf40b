package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppPort;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An app's port name becomes a container port's and a Service port's name, which Kubernetes
 * accepts only as an IANA service name; anything else is {@code invalid-value}.
 */
public final class PortNameChecker implements Checker {
  /** Kubernetes' IANA_SVC_NAME: at most 15 characters, lower case, a letter somewhere, no `--`. */
  private static final Pattern PORT_NAME =
      Pattern.compile("(?=.{1,15}$)(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]*[a-z0-9])?");

  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.APP, reportAll, (decl, exempt, report) -> {
      for (AppPort port : App.of(program.model(), decl).ports()) {
        if (port.name() != null && !PORT_NAME.matcher(port.name().span().text()).matches()) {
          report.accept(Diagnostic.error(Code.INVALID_VALUE, port.name().span(), "port name `" + port.name().span().text()
                  + "` of " + decl.label() + " is not a Kubernetes port name")
              .withHint("a port name has at most 15 lower-case letters, digits and `-`, with a letter in it"));
        }
      }
    });
  }
}
