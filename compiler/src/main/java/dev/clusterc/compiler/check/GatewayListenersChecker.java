package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.HashMap;
import java.util.List;
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
    SourceDecls.each(program, Kind.GATEWAY, reportAll, (decl, exempt, report) -> {
      List<Listener> listeners = Gateway.of(program.model(), decl).listeners();
      if (listeners.isEmpty() && !exempt) {
        report.accept(Diagnostic.error(Code.MISSING_PROPERTY, decl.site(), decl.label() + " has no `listener`")
            .withHint("add `listener https { hostname \"*.DOMAIN\"; certificate CERTIFICATE }` or `listener http { }`"));
      }
      Map<String, Listener> names = new HashMap<>();
      for (Listener listener : listeners) {
        Listener earlier = names.putIfAbsent(listener.name(), listener);
        if (earlier != null) {
          report.accept(Diagnostic.error(Code.DUPLICATE_PROPERTY, listener.nameSpan(),
                  decl.label() + " has two listeners named `" + listener.name() + "`")
              .withHint("give each listener its own name")
              .withRelated(earlier.nameSpan(), "the first is here"));
        }
        if (listener.hasBlock()) {
          protocol(listener, "listener `" + listener.name() + "` of " + decl.label(), exempt, report);
        }
      }
    });
  }

  private static void protocol(Listener listener, String label, boolean exempt, Consumer<Diagnostic> report) {
    SourceSpan at = listener.nameSpan();
    boolean certificate = listener.certificateSpan() != null;
    if (listener.protocol().isEmpty()) {
      if (!listener.protocolStated() && !exempt) {
        report.accept(Diagnostic.error(Code.MISSING_PROPERTY, at, label + " has no `protocol`")
            .withHint("add `protocol http` or `protocol https`, or name the listener `http` or `https`"));
      }
    } else if (listener.https() && !certificate && !exempt) {
      report.accept(Diagnostic.error(Code.MISSING_PROPERTY, at, "https " + label + " has no `certificate`")
          .withHint("add `certificate NAME`, naming a certificate whose hosts cover the listener's hostname"));
    } else if (listener.protocol().equals(Listener.HTTP) && certificate) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, listener.certificateSpan(),
              "plain-HTTP " + label + " has a `certificate`, which only an https listener serves")
          .withHint("make it `protocol https`, or drop the certificate"));
    }
  }
}
