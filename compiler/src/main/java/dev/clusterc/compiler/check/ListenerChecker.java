package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Listeners;
import dev.clusterc.compiler.schema.Kind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code port-conflict} between a gateway's listeners: two listeners on one port must speak the
 * same protocol and tell their traffic apart by hostname, or the gateway cannot route it. Each
 * listener is reported once, against the first earlier listener it conflicts with.
 */
public final class ListenerChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl gateway : program.decls(Kind.GATEWAY)) {
      Map<Long, Port> ports = new HashMap<>();
      for (BoundEntry listener : gateway.body().all("listener")) {
        long port = Listeners.port(listener);
        if (port == 0) {
          continue;
        }
        Port earlier = ports.computeIfAbsent(port, p -> new Port());
        earlier.firstConflicting(listener).ifPresent(first -> conflict(gateway, first, listener, report));
        earlier.add(listener);
      }
    }
  }

  /**
   * The listeners met so far on one port, indexed so that each new listener finds the first one it
   * conflicts with at once: one diagnostic per listener, not one per pair.
   */
  private static final class Port {
    private final Map<String, Numbered> firstByProtocol = new LinkedHashMap<>();
    private final Map<List<String>, Numbered> firstByProtocolAndHost = new HashMap<>();
    private int count;

    private record Numbered(int index, BoundEntry listener) {}

    /** The earliest listener on this port that speaks another protocol, or takes the same host. */
    Optional<BoundEntry> firstConflicting(BoundEntry listener) {
      String protocol = Listeners.protocol(listener);
      Numbered best = firstByProtocolAndHost.get(List.of(protocol, Listeners.hostname(listener)));
      for (Map.Entry<String, Numbered> other : firstByProtocol.entrySet()) {
        if (!other.getKey().equals(protocol) && (best == null || other.getValue().index() < best.index())) {
          best = other.getValue();
        }
      }
      return Optional.ofNullable(best).map(Numbered::listener);
    }

    void add(BoundEntry listener) {
      Numbered numbered = new Numbered(count++, listener);
      firstByProtocol.putIfAbsent(Listeners.protocol(listener), numbered);
      firstByProtocolAndHost.putIfAbsent(List.of(Listeners.protocol(listener), Listeners.hostname(listener)), numbered);
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
