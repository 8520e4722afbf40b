package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Listeners;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code public-plaintext}: a gateway exposed to the internet should not serve plain HTTP. A
 * listener's protocol is its {@code protocol}, or its name when that is {@code http} or {@code https}.
 */
public final class PublicPlaintextChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl gateway : program.decls(Kind.GATEWAY)) {
      Optional<Typed> expose = gateway.body().value("expose");
      if (!gateway.body().sym("expose").orElse("").equals("public")) {
        continue;
      }
      for (BoundEntry listener : gateway.body().all("listener")) {
        String name = Listeners.name(listener);
        Optional<Typed> protocol = Listeners.writtenProtocol(listener);
        if (!Listeners.protocol(listener).equals("http")) {
          continue;
        }
        SourceSpan at = protocol.map(Typed::span).orElse(listener.get("value").map(Typed::span).orElse(listener.entry().span()));
        Diagnostic diagnostic = Diagnostic.warning(Code.PUBLIC_PLAINTEXT, at,
                "public " + gateway.label() + " has a plain-HTTP listener `" + name + "`")
            .withHint("serve it over https with a certificate (`listener https { hostname …; certificate … }`), or `expose internal`");
        if (expose.isPresent()) {
          diagnostic = diagnostic.withRelated(expose.get().span(), gateway.label() + " is exposed to the internet here");
        }
        report.accept(Sites.placed(program, gateway, diagnostic));
      }
    }
  }
}
