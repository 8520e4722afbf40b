package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.Tree;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppMount;
import dev.clusterc.compiler.model.AppPort;
import dev.clusterc.compiler.model.AppProbe;
import dev.clusterc.compiler.model.ClusterModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's one container, named after the app: image, {@code command} and {@code args} (each
 * only when written, so the image's own entrypoint and arguments stay otherwise), ports,
 * environment, resources, probes and mounts.
 *
 * <p>The database variables come first and {@code env} after it in source order, because
 * Kubernetes expands {@code $(VAR)} only from variables defined earlier in the list, and the
 * examples compose values such as a JDBC URL from {@code $(PREFIX_HOST)}. {@code resources} become
 * requests, and the memory also the limit (no CPU limit, so the app is not throttled while the node
 * is idle). {@code probe} is the readiness and liveness check, with a startup check that gives the
 * app five minutes to come up before liveness counts.
 */
final class AppContainer {
  private AppContainer() {}

  static Map<String, Object> of(App app, EmitContext context) {
    Map<String, Object> container = map(
        "name", app.decl().name(),
        "image", app.image() == null ? null : app.image().value(),
        "command", app.command() == null ? null : new ArrayList<Object>(app.command()),
        "args", app.args() == null ? null : new ArrayList<Object>(app.args()),
        "ports", nonEmpty(ports(app)),
        "env", nonEmpty(env(app, context)),
        "envFrom", nonEmpty(envFrom(app)),
        "resources", resources(app.resources()),
        "volumeMounts", nonEmpty(mounts(app, context)));
    httpGet(app).ifPresent(get -> {
      container.put("startupProbe", map("httpGet", get, "periodSeconds", 10, "failureThreshold", 30));
      container.put("readinessProbe", map("httpGet", Tree.copy(get)));
      container.put("livenessProbe", map("httpGet", Tree.copy(get)));
    });
    return container;
  }

  private static List<Object> ports(App app) {
    List<Object> ports = new ArrayList<>();
    for (AppPort port : app.boundPorts()) {
      ports.add(map("name", port.name().value(), "containerPort", port.port(), "protocol", "TCP"));
    }
    return ports;
  }

  private static List<Object> env(App app, EmitContext context) {
    List<Object> env = new ArrayList<>(AppDatabaseEnv.of(app, context));
    for (App.Env variable : app.env()) {
      env.add(map("name", variable.name(), "value", variable.text()));
    }
    return env;
  }

  private static List<Object> envFrom(App app) {
    return app.secretEnv().stream().<Object>map(secret -> map("secretRef", map("name", secret.name()))).toList();
  }

  private static Map<String, Object> resources(App.Resources resources) {
    if (resources == null) {
      return null;
    }
    Map<String, Object> requests = new LinkedHashMap<>();
    if (resources.cpu() != null) {
      requests.put("cpu", resources.cpu().value().text());
    }
    if (resources.memory() != null) {
      requests.put("memory", resources.memory().value().text());
    }
    if (requests.isEmpty()) {
      return null;
    }
    Object memoryLimit = resources.memory() == null ? null : map("memory", resources.memory().value().text());
    return map("requests", requests, "limits", memoryLimit);
  }

  /** The probe's HTTP GET, when its path and port are known. */
  private static Optional<Map<String, Object>> httpGet(App app) {
    AppProbe probe = app.probe();
    if (probe == null || probe.path() == null) {
      return Optional.empty();
    }
    return app.target(probe.port()).map(port -> map("path", probe.path(), "port", port.name().value()));
  }

  /**
   * One mount per {@code mount} entry, read-only for {@code rox} volumes, then one per
   * {@code config} file ({@link AppConfigMap}).
   */
  private static List<Object> mounts(App app, EmitContext context) {
    ClusterModel model = context.program().model();
    List<Object> mounts = new ArrayList<>();
    for (AppMount mount : app.mounts()) {
      if (mount.target() != null && mount.path() != null) {
        mounts.add(map("name", mount.target().name(), "mountPath", mount.path(),
            "readOnly", AppDeployment.readOnly(model, mount.target()) ? Boolean.TRUE : null));
      }
    }
    mounts.addAll(AppConfigMap.mounts(app, context.program().files()));
    return mounts;
  }

  /** A list, or {@code null} when it is empty: Kubernetes leaves empty lists out. */
  static List<Object> nonEmpty(List<Object> list) {
    return list.isEmpty() ? null : list;
  }
}
