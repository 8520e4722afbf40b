package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app's ports and the ClusterIP Service that exposes them, named after the app, with one port
 * per {@code port} entry: the same number outside, the container's port by name inside. An app
 * without ports gets no Service. A route or probe means {@code port NAME} when written, else the
 * app's first port (docs/decisions.md).
 */
final class AppService {
  /** One {@code port NAME NUMBER} entry. */
  record Port(String name, int number) {}

  private AppService() {}

  /** The app's ports, in source order. */
  static List<Port> ports(Decl app) {
    List<Port> ports = new ArrayList<>();
    for (BoundEntry entry : app.body().all("port")) {
      Optional<String> name = entry.sym("name");
      Optional<Long> number = entry.integer("number");
      if (name.isPresent() && number.isPresent()) {
        ports.add(new Port(name.get(), Math.toIntExact(number.get())));
      }
    }
    return ports;
  }

  /** The port a route or probe entry names with {@code port NAME}, else the app's first port. */
  static Optional<Port> target(Decl app, BoundEntry routeOrProbe) {
    List<Port> ports = ports(app);
    Optional<String> named = routeOrProbe.sym("port");
    if (named.isEmpty()) {
      return ports.stream().findFirst();
    }
    return ports.stream().filter(p -> p.name().equals(named.get())).findFirst();
  }

  static Optional<Service> of(Decl app, EmitContext context) {
    List<Port> ports = ports(app);
    if (ports.isEmpty()) {
      return Optional.empty();
    }
    List<ServicePort> servicePorts = ports.stream()
        .map(p -> new ServicePortBuilder().withName(p.name()).withPort(p.number())
            .withTargetPort(new IntOrString(p.name())).withProtocol("TCP").build())
        .toList();
    return Optional.of(new ServiceBuilder()
        .withMetadata(context.meta(app, app.name(), context.namespaceOf(app)))
        .withNewSpec()
        .withSelector(AppEmitter.selector(app))
        .withPorts(servicePorts)
        .endSpec()
        .build());
  }
}
