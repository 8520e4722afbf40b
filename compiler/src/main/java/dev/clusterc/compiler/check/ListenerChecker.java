package dev.clusterc.compiler.check;

import dev.clusterc.compiler.program.Listeners;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Decl;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code port-conflict} between a gateway's listeners: two listeners on one port must speak the
 * same protocol and tell their traffic apart by hostname, or the gateway cannot route it.
 */
public final class ListenerChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl gateway : program.decls(Kind.GATEWAY)) {
      List<BoundEntry> listeners = gateway.body().all("listener");
      for (int i = 0; i < listeners.size(); i++) {
        for (int j = 0; j < i; j++) {
          conflict(gateway, listeners.get(j), listeners.get(i), report);
        }
      }
    }
  }

  private static void conflict(Decl gateway, BoundEntry first, BoundEntry second, Consumer<Diagnostic> report) {
    long port = Listeners.port(second);
    if (port == 0 || port != Listeners.port(first)) {
      return;
    }
    String reason;
    if (!Listeners.protocol(first).equals(Listeners.protocol(second))) {
      reason = "speaks " + Listeners.protocol(second) + " where `" + Listeners.name(first) + "` speaks " + Listeners.protocol(first);
    } else if (Listeners.hostname(first).equals(Listeners.hostname(second))) {
      String host = Listeners.hostname(second);
      reason = host.isEmpty() ? "takes every host, as `" + Listeners.name(first) + "` does" : "takes `" + host + "` as `" + Listeners.name(first) + "` does";
    } else {
      return;
    }
    report.accept(Diagnostic.error(Code.PORT_CONFLICT, second.entry().key().span(),
            "listener `" + Listeners.name(second) + "` of " + gateway.label() + " is on port " + port + " and " + reason)
        .withHint("give one of them another port, or distinct hostnames")
        .withRelated(first.entry().key().span(), "listener `" + Listeners.name(first) + "` is on port " + port));
  }
}
