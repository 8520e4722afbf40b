package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppMount;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.schema.Kind;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The namespace each declaration's objects live in, shared by the analysis that reads secret and
 * {@code manifests} files (where a secret is read, where a raw object lands) and the emitters:
 *
 * <ul>
 *   <li>app: its {@code namespace}, else the app's name;</li>
 *   <li>volume: its {@code namespace}, else that of the first app mounting it, else {@code default};</li>
 *   <li>database: its {@code namespace} (default {@code databases});</li>
 *   <li>component: its {@code namespace}, else its name;</li>
 *   <li>gateway: the namespace of the component providing its class, else {@code default};</li>
 *   <li>certificate: the namespace of the first gateway serving it, else {@code default};</li>
 *   <li>dns: the namespace of the component providing k8s-gateway; vip: {@code kube-system};</li>
 *   <li>issuer (ClusterIssuer), store (ClusterSecretStore), cilium pools: cluster-scoped.</li>
 * </ul>
 */
public final class Namespaces {
  private final ClusterModel program;
  private final Decl moved;
  private final String movedTo;
  private Map<Decl, Decl> firstMountingApp;

  public Namespaces(ClusterModel program) {
    this(program, null, null);
  }

  private Namespaces(ClusterModel program, Decl moved, String movedTo) {
    this.program = program;
    this.moved = moved;
    this.movedTo = movedTo;
  }

  /**
   * The namespaces as they would be if {@code decl}'s own namespace were {@code namespace}: what
   * follows it there (a volume it mounts first, a gateway of the class it provides) moves with it,
   * what names its namespace itself stays. Rename asks this before it moves an app.
   */
  public Namespaces moving(Decl decl, String namespace) {
    return new Namespaces(program, decl, namespace);
  }

  /** The namespace a declaration's objects live in, or {@code null} for cluster-scoped ones. */
  public String of(Decl decl) {
    if (decl == moved) {
      return movedTo;
    }
    var body = decl.body();
    switch (decl.kind()) {
      case APP:
        return DatabaseReaders.appNamespace(decl);
      case VOLUME:
        return Optional.ofNullable(body).flatMap(b -> b.sym("namespace"))
            .orElseGet(() -> mountingApp(decl).map(this::of).orElse("default"));
      case DATABASE:
        return DatabaseReaders.databaseNamespace(decl);
      case COMPONENT:
        return Component.of(program, decl).namespace();
      case GATEWAY:
        return Optional.ofNullable(body).map(b -> Gateway.of(program, decl).gatewayClass())
            .flatMap(c -> program.providers("gateway-class:" + c).stream().findFirst())
            .map(this::of).orElse("default");
      case CERTIFICATE:
        return servingGateway(decl).map(this::of).orElse("default");
      case DNS:
        return program.providers("dns:k8s-gateway").stream().findFirst().map(this::of).orElse("default");
      case VIP:
        return "kube-system";
      default:
        return null;
    }
  }

  /** The first app (in source order) that mounts a volume; the index is built once, not per volume. */
  private Optional<Decl> mountingApp(Decl volume) {
    if (firstMountingApp == null) {
      firstMountingApp = new IdentityHashMap<>();
      for (Decl app : program.decls(Kind.APP)) {
        for (AppMount mount : App.of(program, app).mounts()) {
          if (mount.target() != null) {
            firstMountingApp.putIfAbsent(mount.target(), app);
          }
        }
      }
    }
    return Optional.ofNullable(firstMountingApp.get(volume));
  }

  private Optional<Decl> servingGateway(Decl certificate) {
    for (Decl gateway : program.decls(Kind.GATEWAY)) {
      if (gateway.body() != null
          && Gateway.of(program, gateway).listeners().stream().anyMatch(l -> l.certificate() == certificate)) {
        return Optional.of(gateway);
      }
    }
    return Optional.empty();
  }
}
