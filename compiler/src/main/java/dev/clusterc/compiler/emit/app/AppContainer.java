package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's one container, named after the app: image, ports, environment, resources, probes and
 * mounts.
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

  static Container of(Decl app, EmitContext context) {
    BoundBlock body = app.body();
    ContainerBuilder container = new ContainerBuilder()
        .withName(app.name())
        .withImage(body.str("image").orElse(null));
    for (AppService.Port port : AppService.ports(app)) {
      container.addToPorts(new ContainerPortBuilder().withName(port.name()).withContainerPort(port.number())
          .withProtocol("TCP").build());
    }
    container.withEnv(env(app, context));
    container.withEnvFrom(envFrom(app));
    container.withResources(resources(body));
    body.first("probe").ifPresent(probe -> httpGet(app, probe).ifPresent(get -> container
        .withStartupProbe(new ProbeBuilder(get).withPeriodSeconds(10).withFailureThreshold(30).build())
        .withReadinessProbe(get)
        .withLivenessProbe(get)));
    container.withVolumeMounts(mounts(app));
    return container.build();
  }

  private static List<EnvVar> env(Decl app, EmitContext context) {
    List<EnvVar> env = new ArrayList<>(AppDatabaseEnv.of(app, context));
    app.body().typed("env", Typed.Entries.class).ifPresent(map -> map.values().forEach(
        (key, value) -> env.add(new EnvVarBuilder().withName(key).withValue(text(value)).build())));
    return env;
  }

  /** An env value as Kubernetes wants it, a string: scalars as written, anything else as its source text. */
  static String text(Typed value) {
    if (value instanceof Typed.Str s) {
      return s.value();
    } else if (value instanceof Typed.Sym s) {
      return s.value();
    } else if (value instanceof Typed.Int i) {
      return Long.toString(i.value());
    } else if (value instanceof Typed.Bool b) {
      return Boolean.toString(b.value());
    } else if (value instanceof Typed.Ref r) {
      return r.name();
    }
    return value.span().text();
  }

  private static List<EnvFromSource> envFrom(Decl app) {
    List<EnvFromSource> sources = new ArrayList<>();
    for (BoundEntry entry : app.body().all("secret-env")) {
      entry.ref("value").ifPresent(secret -> sources.add(
          new EnvFromSourceBuilder().withNewSecretRef().withName(secret.name()).endSecretRef().build()));
    }
    return sources;
  }

  private static ResourceRequirements resources(BoundBlock body) {
    Optional<BoundBlock> block = body.first("resources").map(BoundEntry::block);
    if (block.isEmpty()) {
      return null;
    }
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    block.get().typed("cpu", Typed.Qty.class).ifPresent(q -> requests.put("cpu", new Quantity(q.value().text())));
    block.get().typed("memory", Typed.Qty.class).ifPresent(q -> {
      requests.put("memory", new Quantity(q.value().text()));
      limits.put("memory", new Quantity(q.value().text()));
    });
    if (requests.isEmpty()) {
      return null;
    }
    return new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits.isEmpty() ? null : limits).build();
  }

  private static Optional<Probe> httpGet(Decl app, BoundEntry probe) {
    Optional<String> path = probe.str("path");
    Optional<AppService.Port> port = AppService.target(app, probe);
    if (path.isEmpty() || port.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ProbeBuilder()
        .withNewHttpGet().withPath(path.get()).withPort(new IntOrString(port.get().name())).endHttpGet()
        .build());
  }

  /** One mount per {@code mount} entry, read-only for {@code rox} volumes. */
  private static List<VolumeMount> mounts(Decl app) {
    List<VolumeMount> mounts = new ArrayList<>();
    for (BoundEntry entry : app.body().all("mount")) {
      Optional<Decl> volume = entry.ref("volume");
      Optional<String> path = entry.str("path");
      if (volume.isPresent() && path.isPresent()) {
        mounts.add(new VolumeMountBuilder().withName(volume.get().name()).withMountPath(path.get())
            .withReadOnly(readOnly(volume.get()) ? Boolean.TRUE : null).build());
      }
    }
    return mounts;
  }

  static boolean readOnly(Decl volume) {
    return volume.body().sym("access").orElse("rwo").equals("rox");
  }
}
