package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppPort;
import dev.clusterc.compiler.model.AppRoute;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.types.Hostnames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

  static List<KubeObject> of(App app, EmitContext context) {
    List<AppRoute> routes = app.routes();
    List<KubeObject> out = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      AppRoute route = routes.get(i);
      Optional<AppPort> port = app.target(route.port());
      if (route.host() == null || route.gateway() == null || port.isEmpty()) {
        continue;
      }
      String host = route.host().value();
      Decl decl = app.decl();
      KubeObject object = context.object(decl, AppEmitter.entrySpan(decl, route.span()),
          "gateway.networking.k8s.io/v1", "HTTPRoute", name(app, i), app.namespace());
      object.put("spec", map(
          "hostnames", list(host),
          "parentRefs", list(parent(route.gateway(), host, context)),
          "rules", list(map("backendRefs", list(map("name", decl.name(), "port", port.get().port()))))));
      out.add(object);
    }
    return out;
  }

  /** The name of the app's route number {@code index} (see the class comment). */
  static String name(App app, int index) {
    List<AppRoute> routes = app.routes();
    String appName = app.decl().name();
    if (routes.size() == 1) {
      return appName;
    }
    String gateway = gatewayName(routes.get(index));
    long same = routes.stream().filter(r -> gatewayName(r).equals(gateway)).count();
    if (same == 1) {
      return appName + "-" + gateway;
    }
    long n = routes.subList(0, index + 1).stream().filter(r -> gatewayName(r).equals(gateway)).count();
    return appName + "-" + gateway + "-" + n;
  }

  private static String gatewayName(AppRoute route) {
    return route.gateway() == null ? "" : route.gateway().name();
  }

  private static Map<String, Object> parent(Decl gateway, String host, EmitContext context) {
    return map(
        "name", gateway.name(),
        "namespace", context.namespaceOf(gateway),
        "sectionName", listener(Gateway.of(context.program().model(), gateway), host).orElse(null));
  }

  /** The name of the gateway's listener that takes {@code host}, if one does. */
  static Optional<String> listener(Gateway gateway, String host) {
    List<Listener> listeners = gateway.listeners();
    return listeners.stream()
        .filter(l -> accepts(l.writtenHostname(), host))
        .min(Comparator.<Listener>comparingInt(l -> specificity(l.writtenHostname(), host))
            .thenComparingInt(l -> l.https() ? 0 : 1)
            .thenComparingInt(listeners::indexOf))
        .map(Listener::name);
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
