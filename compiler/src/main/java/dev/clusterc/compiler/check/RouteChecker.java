package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Suggestions;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppRoute;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Hostnames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code route-no-listener}, {@code route-conflict} and the {@code unknown-port} of a named port:
 * a route must reach its app through a listener of its gateway that accepts the host, one host
 * goes to one app per gateway, and {@code port NAME} in a route or probe names a port of the app.
 */
public final class RouteChecker implements Checker {
  /** A route already seen on a gateway, for the note of a conflict. */
  private record Seen(Decl app, Typed.Str host) {}

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Map<String, Seen> seen = new HashMap<>();
    for (Decl app : program.decls(Kind.APP)) {
      App lowered = App.of(program.model(), app);
      List<String> ports = lowered.portNames();
      for (AppRoute route : lowered.routes()) {
        namedPort(program, app, route.port(), ports, report);
        Optional<Typed.Str> host = Optional.ofNullable(route.host())
            .filter(h -> !h.value().isBlank() && !Hostnames.unresolved(h.value()));
        Optional<Decl> gateway = Optional.ofNullable(route.gateway());
        if (host.isEmpty() || gateway.isEmpty()) {
          continue;
        }
        listener(program, app, host.get(), gateway.get(), report);
        Seen first = seen.putIfAbsent(gateway.get().name() + " " + Hostnames.normal(host.get().value()), new Seen(app, host.get()));
        if (first != null) {
          String who = first.app() == app ? "both times by " + app.label() : "by " + first.app().label() + " and " + app.label();
          report.accept(Sites.placed(program, app, Diagnostic.error(Code.ROUTE_CONFLICT, host.get().span(),
                  "`" + host.get().value() + "` is routed twice on " + gateway.get().label() + ", " + who)
              .withHint("a host goes to one app per gateway: give one of these routes another host")
              .withRelated(Sites.editable(program, first.app(), first.host().span()), "first routed here by " + first.app().label())));
        }
      }
      if (lowered.probe() != null) {
        namedPort(program, app, lowered.probe().port(), ports, report);
      }
    }
  }

  private void listener(Program program, Decl app, Typed.Str host, Decl gateway, Consumer<Diagnostic> report) {
    List<Listener> listeners = Gateway.of(program.model(), gateway).listeners().stream().filter(Listener::hasBlock).toList();
    if (listeners.isEmpty() || listeners.stream().anyMatch(l -> Hostnames.accepts(l.writtenHostname(), host.value()))) {
      return;
    }
    List<String> accepted = listeners.stream().map(l -> "`" + Objects.toString(l.writtenHostname(), "") + "`").distinct().toList();
    String hint = "route a host that " + gateway.label() + " listens for (" + String.join(", ", accepted)
        + "), or add a listener with `hostname \"" + host.value() + "\"`";
    Optional<String> wildcard = listeners.stream().map(l -> Objects.toString(l.writtenHostname(), ""))
        .filter(h -> Hostnames.tooDeep(h, host.value())).findFirst();
    if (wildcard.isPresent()) {
      hint = "`" + wildcard.get() + "` matches one label more only (like a wildcard certificate); " + hint;
    }
    Diagnostic diagnostic = Diagnostic.error(Code.ROUTE_NO_LISTENER, host.span(),
            "route `" + host.value() + "` of " + app.label() + " matches no listener of " + gateway.label())
        .withHint(hint);
    for (Listener l : listeners) {
      if (l.writtenHostname() != null) {
        diagnostic = diagnostic.withRelated(Sites.editable(program, gateway, l.hostnameSpan()),
            "listener `" + l.name() + "` accepts `" + l.writtenHostname() + "`");
      }
    }
    report.accept(Sites.placed(program, app, diagnostic));
  }

  /** A {@code port NAME} of a route or probe ({@code null} when none is named) that the app lacks. */
  private void namedPort(Program program, Decl app, Typed.Sym port, List<String> ports, Consumer<Diagnostic> report) {
    if (port == null) {
      return;
    }
    String name = port.value();
    if (ports.contains(name)) {
      return;
    }
    String hint = ports.isEmpty()
        ? "declare it: `port " + name + " 8080`"
        : orElse(Suggestions.didYouMean(name, ports), "its ports are: " + String.join(", ", ports));
    report.accept(Sites.placed(program, app, Diagnostic.error(Code.UNKNOWN_PORT, port.span(),
        app.label() + " has no port `" + name + "`").withHint(hint)));
  }

  private static String orElse(String first, String second) {
    return first != null ? first : second;
  }
}
