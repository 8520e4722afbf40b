package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A gateway has at least one {@code listener}, each under a name of its own, with a protocol
 * (written, or {@code http}/{@code https} by its name); an https listener names the certificate it
 * serves, and a plain-HTTP one names none. What the listeners serve is {@link ListenerChecker}'s.
 */
public final class GatewayListenersChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    Written.each(program, Kind.GATEWAY, reportAll, (decl, body, exempt, report) -> {
      if (!body.has("listener") && !exempt) {
        report.accept(Diagnostic.error(Code.MISSING_PROPERTY, decl.site(), decl.label() + " has no `listener`")
            .withHint("add `listener https { hostname \"*.DOMAIN\"; certificate CERTIFICATE }` or `listener http { }`"));
      }
      Map<String, BoundEntry> names = new HashMap<>();
      for (BoundEntry listener : body.all("listener")) {
        BoundEntry earlier = names.putIfAbsent(listener.firstArgument(), listener);
        if (earlier != null) {
          report.accept(Diagnostic.error(Code.DUPLICATE_PROPERTY, listener.entry().args().get(0).span(),
                  decl.label() + " has two listeners named `" + listener.firstArgument() + "`")
              .withHint("give each listener its own name")
              .withRelated(earlier.entry().args().get(0).span(), "the first is here"));
        }
        if (listener.block() != null) {
          protocol(listener, "listener `" + listener.firstArgument() + "` of " + decl.label(), exempt, report);
        }
      }
    });
  }

  private static void protocol(BoundEntry listener, String label, boolean exempt, Consumer<Diagnostic> report) {
    BoundBlock block = listener.block();
    String name = listener.firstArgument();
    SourceSpan at = listener.entry().args().isEmpty() ? listener.entry().key().span() : listener.entry().args().get(0).span();
    String protocol = block.sym("protocol").orElse(name.equals("http") || name.equals("https") ? name : null);
    if (protocol == null) {
      if (!block.has("protocol") && !exempt) {
        report.accept(Diagnostic.error(Code.MISSING_PROPERTY, at, label + " has no `protocol`")
            .withHint("add `protocol http` or `protocol https`, or name the listener `http` or `https`"));
      }
    } else if (protocol.equals("https") && !block.has("certificate") && !exempt) {
      report.accept(Diagnostic.error(Code.MISSING_PROPERTY, at, "https " + label + " has no `certificate`")
          .withHint("add `certificate NAME`, naming a certificate whose hosts cover the listener's hostname"));
    } else if (protocol.equals("http") && block.has("certificate")) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, block.spanOf("certificate", at),
              "plain-HTTP " + label + " has a `certificate`, which only an https listener serves")
          .withHint("make it `protocol https`, or drop the certificate"));
    }
  }
}
