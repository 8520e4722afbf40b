package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    for (Decl decl : program.decls(Kind.GATEWAY)) {
      Map<Integer, Port> ports = new HashMap<>();
      for (Listener listener : Gateway.of(program.model(), decl).listeners()) {
        if (listener.port() == 0) {
          continue;
        }
        Port earlier = ports.computeIfAbsent(listener.port(), p -> new Port());
        earlier.firstConflicting(listener).ifPresent(first -> conflict(decl, first, listener, report));
        earlier.add(listener);
      }
    }
  }

  /** The host a listener takes, {@code ""} for every host: listeners taking every host conflict too. */
  private static String host(Listener listener) {
    return Objects.toString(listener.hostname(), "");
  }

  /**
   * The listeners met so far on one port, indexed so that each new listener finds the first one it
   * conflicts with at once: one diagnostic per listener, not one per pair.
   */
  private static final class Port {
    private final Map<String, Numbered> firstByProtocol = new LinkedHashMap<>();
    private final Map<List<String>, Numbered> firstByProtocolAndHost = new HashMap<>();
    private int count;

    private record Numbered(int index, Listener listener) {}

    /** The earliest listener on this port that speaks another protocol, or takes the same host. */
    Optional<Listener> firstConflicting(Listener listener) {
      Numbered best = firstByProtocolAndHost.get(List.of(listener.protocol(), host(listener)));
      for (Map.Entry<String, Numbered> other : firstByProtocol.entrySet()) {
        if (!other.getKey().equals(listener.protocol()) && (best == null || other.getValue().index() < best.index())) {
          best = other.getValue();
        }
      }
      return Optional.ofNullable(best).map(Numbered::listener);
    }

    void add(Listener listener) {
      Numbered numbered = new Numbered(count++, listener);
      firstByProtocol.putIfAbsent(listener.protocol(), numbered);
      firstByProtocolAndHost.putIfAbsent(List.of(listener.protocol(), host(listener)), numbered);
    }
  }

  private static void conflict(Decl gateway, Listener first, Listener second, Consumer<Diagnostic> report) {
    int port = second.port();
    String reason;
    if (!first.protocol().equals(second.protocol())) {
      reason = "speaks " + second.protocol() + " where `" + first.name() + "` speaks " + first.protocol();
    } else if (host(first).equals(host(second))) {
      reason = second.hostname() == null ? "takes every host, as `" + first.name() + "` does"
          : "takes `" + second.hostname() + "` as `" + first.name() + "` does";
    } else {
      return;
    }
    report.accept(Diagnostic.error(Code.PORT_CONFLICT, second.keySpan(),
            "listener `" + second.name() + "` of " + gateway.label() + " is on port " + port + " and " + reason)
        .withHint("give one of them another port, or distinct hostnames")
        .withRelated(first.keySpan(), "listener `" + first.name() + "` is on port " + port));
  }
}
