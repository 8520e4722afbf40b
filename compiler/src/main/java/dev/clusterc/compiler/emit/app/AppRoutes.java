package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.rules.Hostnames;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One HTTPRoute per {@code route HOST via GATEWAY [port NAME]}: {@code hostnames: [HOST]}, a parent
 * reference to the gateway in its own namespace and to the listener that takes the host, and the
 * app's Service at the route's port as the backend.
 *
 * <p>Names: an app with one route names it after itself; with several, {@code APP-GATEWAY}, and
 * {@code APP-GATEWAY-N} (N counting from 1 in source order) when it has several routes through
 * one gateway. The listener is the most specific that accepts the host: an exact hostname before
 * a wildcard before none, then https before http, then the first written. Hosts match as the
 * checker matches them: case-insensitively, {@code *.x} taking exactly one label more.
 */
final class AppRoutes {
  private AppRoutes() {}

  static List<HTTPRoute> of(Decl app, EmitContext context) {
    List<BoundEntry> routes = app.body().all("route");
    List<HTTPRoute> out = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      BoundEntry route = routes.get(i);
      Optional<String> host = route.str("host");
      Optional<Decl> gateway = route.ref("gateway");
      Optional<AppService.Port> port = AppService.target(app, route);
      if (host.isEmpty() || gateway.isEmpty() || port.isEmpty()) {
        continue;
      }
      out.add(new HTTPRouteBuilder()
          .withMetadata(context.meta(app, AppEmitter.entrySpan(app, route), name(app, routes, i),
              context.namespaceOf(app)))
          .withNewSpec()
          .withHostnames(host.get())
          .withParentRefs(parent(gateway.get(), host.get(), context))
          .addNewRule()
          .addNewBackendRef().withName(app.name()).withPort(port.get().number()).endBackendRef()
          .endRule()
          .endSpec()
          .build());
    }
    return out;
  }

  /** The route's name among the app's routes (see the class comment). */
  static String name(Decl app, List<BoundEntry> routes, int index) {
    if (routes.size() == 1) {
      return app.name();
    }
    String gateway = gatewayName(routes.get(index));
    long same = routes.stream().filter(r -> gatewayName(r).equals(gateway)).count();
    if (same == 1) {
      return app.name() + "-" + gateway;
    }
    long n = routes.subList(0, index + 1).stream().filter(r -> gatewayName(r).equals(gateway)).count();
    return app.name() + "-" + gateway + "-" + n;
  }

  private static String gatewayName(BoundEntry route) {
    return route.ref("gateway").map(Decl::name).orElse("");
  }

  private static ParentReference parent(Decl gateway, String host, EmitContext context) {
    return new ParentReferenceBuilder()
        .withName(gateway.name())
        .withNamespace(context.namespaceOf(gateway))
        .withSectionName(listener(gateway, host).orElse(null))
        .build();
  }

  /** The name of the gateway's listener that takes {@code host}, if one does. */
  static Optional<String> listener(Decl gateway, String host) {
    List<BoundEntry> listeners = gateway.body().all("listener");
    return listeners.stream()
        .filter(l -> accepts(hostname(l), host))
        .min(Comparator.<BoundEntry>comparingInt(l -> specificity(hostname(l), host))
            .thenComparingInt(l -> protocol(l).equals("https") ? 0 : 1)
            .thenComparingInt(listeners::indexOf))
        .map(AppRoutes::listenerName);
  }

  private static String listenerName(BoundEntry listener) {
    return listener.str("value").orElse(listener.firstArgument());
  }

  /** The listener's hostname, or {@code null} when it takes every host. */
  private static String hostname(BoundEntry listener) {
    return listener.block() == null ? null : listener.block().typed("hostname", Typed.Str.class).map(Typed.Str::value).orElse(null);
  }

  /** {@code http} or {@code https}: as written, else implied by the listener's name. */
  private static String protocol(BoundEntry listener) {
    return Listener.of(listener).protocol();
  }

  private static int specificity(String listenerHostname, String host) {
    if (listenerHostname == null) {
      return 2;
    }
    return Hostnames.normal(listenerHostname).equals(Hostnames.normal(host)) ? 0 : 1;
  }

  static boolean accepts(String listenerHostname, String host) {
    return Hostnames.accepts(listenerHostname, host);
  }
}
