package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/**
 * {@code public-plaintext}: a gateway exposed to the internet should not serve plain HTTP. A
 * listener's protocol is its {@code protocol}, or its name when that is {@code http} or {@code https}.
 */
public final class PublicPlaintextChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl decl : program.decls(Kind.GATEWAY)) {
      Gateway gateway = Gateway.of(program.model(), decl);
      if (!gateway.isPublic()) {
        continue;
      }
      for (Listener listener : gateway.listeners()) {
        if (!listener.protocol().equals(Listener.HTTP)) {
          continue;
        }
        Diagnostic diagnostic = Diagnostic.warning(Code.PUBLIC_PLAINTEXT,
                listener.protocolSpan() != null ? listener.protocolSpan() : listener.nameSpan(),
                "public " + decl.label() + " has a plain-HTTP listener `" + listener.name() + "`")
            .withHint("serve it over https with a certificate (`listener https { hostname …; certificate … }`), or `expose internal`");
        if (gateway.exposeSpan() != null) {
          diagnostic = diagnostic.withRelated(gateway.exposeSpan(), decl.label() + " is exposed to the internet here");
        }
        report.accept(Sites.placed(program, decl, diagnostic));
      }
    }
  }
}
