package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppRoute;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Hostnames;
import dev.clusterc.compiler.schema.Kind;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code hostname-outside-domain}: listener hostnames and route hosts are expected to be the
 * cluster domain or under it, since that is the zone the cluster's DNS and certificates serve.
 */
public final class HostnameChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Optional<Typed.Str> domain = program.cluster().flatMap(c -> c.body().typed("domain", Typed.Str.class))
        .filter(d -> !d.value().isBlank() && !Hostnames.unresolved(d.value()));
    if (domain.isEmpty()) {
      return;
    }
    for (Decl gateway : program.decls(Kind.GATEWAY)) {
      for (BoundEntry listener : gateway.body().all("listener")) {
        if (listener.block() == null) {
          continue;
        }
        String name = listener.str("value").orElse(listener.firstArgument());
        listener.block().typed("hostname", Typed.Str.class).ifPresent(host -> {
          if (outside(host, domain.get())) {
            String suggestion = host.value().startsWith("*.") ? "*." + domain.get().value() : domain.get().value();
            report.accept(Sites.placed(program, gateway, warning(host, domain.get(),
                "listener `" + name + "` of " + gateway.label() + " has hostname `" + host.value()
                    + "`, which is not under the cluster domain `" + domain.get().value() + "`", suggestion)));
          }
        });
      }
    }
    for (Decl app : program.decls(Kind.APP)) {
      for (AppRoute route : App.of(program.model(), app).routes()) {
        Typed.Str host = route.host();
        if (host != null && outside(host, domain.get())) {
          String label = host.value().contains(".") ? host.value().substring(0, host.value().indexOf('.')) : host.value();
          report.accept(Sites.placed(program, app, warning(host, domain.get(),
              "route `" + host.value() + "` of " + app.label() + " is not under the cluster domain `"
                  + domain.get().value() + "`", label + "." + domain.get().value())));
        }
      }
    }
  }

  private static boolean outside(Typed.Str host, Typed.Str domain) {
    return !host.value().isBlank() && !Hostnames.unresolved(host.value()) && !Hostnames.under(host.value(), domain.value());
  }

  private static Diagnostic warning(Typed.Str host, Typed.Str domain, String message, String suggestion) {
    return Diagnostic.warning(Code.HOSTNAME_OUTSIDE_DOMAIN, host.span(), message)
        .withHint("use a name under `" + domain.value() + "` such as `" + suggestion + "`, or change the cluster's `domain`")
        .withRelated(domain.span(), "the cluster domain is `" + domain.value() + "`");
  }
}
