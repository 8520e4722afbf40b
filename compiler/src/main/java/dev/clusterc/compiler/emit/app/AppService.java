package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppPort;
import java.util.List;
import java.util.Optional;

/**
 * The ClusterIP Service that exposes the app's ports, named after the app, with one port per
 * {@code port} entry: the same number outside, the container's port by name inside. An app
 * without ports gets no Service. A route or probe means {@code port NAME} when written, else the
 * app's first port (docs/decisions.md; {@link App#target}).
 */
final class AppService {
  private AppService() {}

  static Optional<KubeObject> of(App app, EmitContext context) {
    List<AppPort> ports = app.boundPorts();
    if (ports.isEmpty()) {
      return Optional.empty();
    }
    List<Object> servicePorts = ports.stream()
        .<Object>map(p -> map("name", p.name().value(), "port", p.port(), "targetPort", p.name().value(), "protocol", "TCP"))
        .toList();
    KubeObject service = context.object(app.decl(), "v1", "Service", app.decl().name(), app.namespace());
    service.put("spec", map("selector", AppEmitter.selector(app), "ports", servicePorts));
    return Optional.of(service);
  }
}
