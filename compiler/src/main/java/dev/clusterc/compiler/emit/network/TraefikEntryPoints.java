package dev.clusterc.compiler.emit.network;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where Traefik serves a listener of a {@code traefik}-class gateway. Traefik attaches a Gateway
 * listener only to an entry point whose own (container) port equals the listener's {@code port};
 * its chart (37.3.0) runs Traefik as a non-root user on entry points {@code web} (container port
 * 8000) and {@code websecure} (8443), which its LoadBalancer Service exposes on 80 and 443. So,
 * as the chart's own default Gateway does, a listener is emitted on the entry point's container
 * port, and the address users reach stays the listener's port on the Service:
 * <ul>
 *   <li>port 80 → {@code web}, 8000; port 443 → {@code websecure}, 8443;</li>
 *   <li>any other port P → an entry point {@code port-P} of its own in the chart's values,
 *   exposed on P, listening on P when P ≥ 1024 and on 10000 + P below (a non-root process cannot
 *   bind ports below 1024), moved up when that port is taken.</li>
 * </ul>
 * Binding the chart's entry points to 80/443 instead would need root or {@code NET_BIND_SERVICE}.
 */
public final class TraefikEntryPoints {
  /** The chart's entry points for plain HTTP and for TLS, and their container ports. */
  public static final String WEB = "web";
  public static final int WEB_PORT = 8000;
  public static final String WEBSECURE = "websecure";
  public static final int WEBSECURE_PORT = 8443;
  /** Container ports the chart already uses: web, websecure, its own {@code traefik} entry point, metrics. */
  private static final Set<Integer> TAKEN = Set.of(WEB_PORT, WEBSECURE_PORT, 8080, 9100);
  private static final int FIRST_UNPRIVILEGED = 1024;
  private static final int LOW_PORT_OFFSET = 10000;

  /** The entry point serving listeners on one Service port. */
  public record EntryPoint(String name, int containerPort, int servicePort) {}

  private TraefikEntryPoints() {}

  /**
   * The entry point of every listener port of the cluster's {@code traefik}-class gateways, by
   * listener port. Other ports get a container port of their own: the listener's port from 1024
   * up, 10000 + the port below; moved up past any the chart or another listener already uses.
   */
  public static Map<Integer, EntryPoint> of(Program program) {
    TreeSet<Integer> ports = new TreeSet<>();
    for (Decl decl : program.decls(Kind.GATEWAY)) {
      Gateway gateway = Gateway.of(program.model(), decl);
      if ("traefik".equals(gateway.gatewayClass())) {
        gateway.listeners().stream().map(Listener::port).filter(p -> p > 0).forEach(ports::add);
      }
    }
    Map<Integer, EntryPoint> entryPoints = new LinkedHashMap<>();
    Set<Integer> used = new HashSet<>(TAKEN);
    for (int port : ports) {
      if (port == 80) {
        entryPoints.put(port, new EntryPoint(WEB, WEB_PORT, port));
      } else if (port == 443) {
        entryPoints.put(port, new EntryPoint(WEBSECURE, WEBSECURE_PORT, port));
      }
    }
    for (int port : ports) {
      if (port != 80 && port != 443) {
        int container = port < FIRST_UNPRIVILEGED ? LOW_PORT_OFFSET + port : port;
        while (used.contains(container) || ports.contains(container) && container != port) {
          container++;
        }
        used.add(container);
        entryPoints.put(port, new EntryPoint("port-" + port, container, port));
      }
    }
    return entryPoints;
  }

  /** The container port of the entry point serving a listener on {@code listenerPort}; the port itself if none does. */
  public static int containerPort(Program program, int listenerPort) {
    EntryPoint entryPoint = of(program).get(listenerPort);
    return entryPoint == null ? listenerPort : entryPoint.containerPort();
  }

  /**
   * The port a Gateway of class {@code gatewayClass} says for a listener on {@code listenerPort}:
   * the entry point's container port for a {@code traefik} gateway, the listener's port otherwise.
   */
  public static int gatewayPort(Program program, String gatewayClass, int listenerPort) {
    return "traefik".equals(gatewayClass) ? containerPort(program, listenerPort) : listenerPort;
  }

  /**
   * The chart's {@code ports} values for these entry points: the container port of {@code web} and
   * {@code websecure} stated when a listener uses them (so the values say what the Gateway relies
   * on), and every other one exposed on its listener port. Empty when no traefik gateway has a listener.
   */
  public static Map<String, Object> values(Program program) {
    Map<String, Object> ports = new LinkedHashMap<>();
    for (EntryPoint entryPoint : of(program).values()) {
      if (entryPoint.name().equals(WEB) || entryPoint.name().equals(WEBSECURE)) {
        ports.put(entryPoint.name(), map("port", entryPoint.containerPort()));
      } else {
        ports.put(entryPoint.name(), map("port", entryPoint.containerPort(), "exposedPort", entryPoint.servicePort(),
            "expose", map("default", true), "protocol", "TCP"));
      }
    }
    return ports.isEmpty() ? Map.of() : map("ports", ports);
  }
}
