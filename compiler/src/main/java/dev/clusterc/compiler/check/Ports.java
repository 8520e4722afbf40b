package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.syntax.Value;
import java.util.List;
import java.util.Objects;

/**
 * The ports of an app as routes and probes see them. Shared by {@link RouteChecker}, which reports
 * a {@code port NAME} the app does not declare, and {@link PortChecker}, which reports a route or
 * probe naming no port on an app that has none: each {@code unknown-port} is found by one of them.
 */
final class Ports {
  private Ports() {}

  /** The names of the app's {@code port} entries, in order. */
  static List<String> names(Decl app) {
    return app.body().all("port").stream().map(p -> p.sym("name").orElse(null)).filter(Objects::nonNull).toList();
  }

  /** Whether a route or probe writes {@code port NAME} (even one that did not bind: that was reported). */
  static boolean namesPort(BoundEntry routeOrProbe) {
    if (routeOrProbe.get("port").isPresent()) {
      return true;
    }
    List<Value> args = routeOrProbe.entry().args();
    return args.stream().skip(1).anyMatch(a -> a instanceof Value.Word w && w.text().equals("port"));
  }
}
