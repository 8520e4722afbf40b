package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppRoute;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Hostnames;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code hostname-outside-domain}: listener hostnames and route hosts are expected to be the
 * cluster domain or under it, since that is the zone the cluster's DNS and certificates serve.
 */
public final class HostnameChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Optional<Cluster> cluster = Cluster.of(program.model())
        .filter(c -> c.domain() != null && !c.domain().isBlank() && !Hostnames.unresolved(c.domain()));
    if (cluster.isEmpty()) {
      return;
    }
    String domain = cluster.get().domain();
    SourceSpan domainSpan = cluster.get().domainSpan();
    for (Decl gateway : program.decls(Kind.GATEWAY)) {
      for (Listener listener : Gateway.of(program.model(), gateway).listeners()) {
        String host = listener.writtenHostname();
        if (host != null && outside(host, domain)) {
          String suggestion = host.startsWith("*.") ? "*." + domain : domain;
          report.accept(Sites.placed(program, gateway, warning(listener.hostnameSpan(), domain, domainSpan,
              "listener `" + listener.name() + "` of " + gateway.label() + " has hostname `" + host
                  + "`, which is not under the cluster domain `" + domain + "`", suggestion)));
        }
      }
    }
    for (Decl app : program.decls(Kind.APP)) {
      for (AppRoute route : App.of(program.model(), app).routes()) {
        Typed.Str host = route.host();
        if (host != null && outside(host.value(), domain)) {
          String label = host.value().contains(".") ? host.value().substring(0, host.value().indexOf('.')) : host.value();
          report.accept(Sites.placed(program, app, warning(host.span(), domain, domainSpan,
              "route `" + host.value() + "` of " + app.label() + " is not under the cluster domain `" + domain + "`",
              label + "." + domain)));
        }
      }
    }
  }

  private static boolean outside(String host, String domain) {
    return !host.isBlank() && !Hostnames.unresolved(host) && !Hostnames.under(host, domain);
  }

  private static Diagnostic warning(SourceSpan at, String domain, SourceSpan domainSpan, String message, String suggestion) {
    return Diagnostic.warning(Code.HOSTNAME_OUTSIDE_DOMAIN, at, message)
        .withHint("use a name under `" + domain + "` such as `" + suggestion + "`, or change the cluster's `domain`")
        .withRelated(domainSpan, "the cluster domain is `" + domain + "`");
  }
}
