package dev.clusterc.compiler.graph;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupCredentials;
import dev.clusterc.compiler.model.Certificate;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.Components;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Dns;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Issuer;
import dev.clusterc.compiler.model.Pool;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a declaration uses, in one place: the components it needs (by capability) and the
 * declarations it names. The dependency graph and the provider check both read this.
 */
public final class Needs {
  /** The capability of the Gateway API CRDs. */
  public static final String GATEWAY_API = "gateway-api";
  private static final String GATEWAY_CLASS = "gateway-class:";
  /** Whether the standard library provides a storage class, by capability: the library never changes, so asked once. */
  private static final Map<String, Boolean> STD_CLASSES = new ConcurrentHashMap<>();

  private Needs() {}

  /** The capabilities a declaration needs from components in use, read from its lowered record. */
  public static List<Need> capabilities(ClusterModel model, Decl decl) {
    List<Need> needs = new ArrayList<>();
    if (decl.body() == null) {
      return needs;
    }
    switch (decl.kind()) {
      case GATEWAY -> {
        Gateway gateway = Gateway.of(model, decl);
        if (gateway.gatewayClass() != null) {
          String c = gateway.gatewayClass();
          needs.add(new Need("gateway-class:" + c, "has class " + c, gateway.classEntry()));
          needs.add(new Need("gateway-api", "is a Gateway API gateway", decl.site()));
        }
      }
      case POOL -> {
        Pool pool = Pool.of(model, decl);
        if (pool.via() != null) {
          needs.add(new Need("pool:" + pool.via(), "is announced via " + pool.via(), pool.viaEntry()));
        }
      }
      case DNS -> needs.add(new Need("dns:k8s-gateway", "is served via k8s-gateway", Dns.of(model, decl).viaEntry()));
      case ISSUER -> needs.add(new Need("cert-manager", "is a cert-manager issuer", decl.site()));
      case CERTIFICATE -> needs.add(new Need("cert-manager", "is issued by cert-manager", decl.site()));
      case SECRET -> secret(Secret.of(model, decl), needs);
      case BACKUP -> {
        Backup backup = Backup.of(model, decl);
        if (backup.via() != Backup.Via.RESTIC) {
          String via = backup.via().name().toLowerCase(Locale.ROOT);
          needs.add(new Need(via, "is carried out via " + via, backup.viaEntry()));
        }
      }
      case VOLUME -> volume(model, Volume.of(model, decl), needs);
      case DATABASE -> {
        needs.add(new Need("cloudnative-pg", "is a CloudNativePG database", decl.site()));
        storageClass(model, Database.of(model, decl).storageClass(),
            decl.body().first("class").map(e -> e.entry().span()).orElse(decl.site()), needs);
      }
      case COMPONENT -> gatewayApi(Component.of(model, decl), needs);
      default -> { }
    }
    return needs;
  }

  /**
   * A component that implements gateway classes or answers DNS from routes watches Gateway API
   * objects, and a controller started before their CRDs exist does not serve them (Cilium's
   * operator looks for them once, at start): it waits for the component providing {@code gateway-api}.
   */
  private static void gatewayApi(Component component, List<Need> needs) {
    component.provides().stream()
        .filter(c -> c.startsWith(GATEWAY_CLASS) || c.equals("dns:k8s-gateway"))
        .findFirst()
        .ifPresent(c -> needs.add(new Need(GATEWAY_API, "watches Gateway API objects (it provides `" + c + "`)",
            component.decl().site())));
  }

  /** The first {@code external} and the first {@code sealed} source (a secret with more is reported elsewhere). */
  private static void secret(Secret secret, List<Need> needs) {
    secret.sources().stream().filter(Secret.External.class::isInstance).findFirst()
        .ifPresent(s -> needs.add(new Need("external-secrets", "is an external secret", s.entry())));
    secret.sources().stream().filter(Secret.Sealed.class::isInstance).findFirst()
        .ifPresent(s -> needs.add(new Need("sealed-secrets", "is a sealed secret", s.entry())));
  }

  private static void volume(ClusterModel model, Volume volume, List<Need> needs) {
    if (volume.backup() != null && Backup.of(model, volume.backup()).via() == Backup.Via.RESTIC) {
      needs.add(new Need("volsync", "is backed up with restic", volume.backupEntry()));
    }
    if (volume.replicateEntry() != null) {
      String method = volume.replica() != null && volume.replica().method() != null ? volume.replica().method() : "syncthing";
      needs.add(new Need("volsync", "is replicated via " + method, volume.replicateEntry()));
    }
    storageClass(model, volume.storageClass(), volume.classEntry(), needs);
  }

  /**
   * {@code class X} needs {@code storage-class:X} when a component in use provides it, or a standard
   * component could ({@code longhorn}): then the claim waits for what creates the class. Any other
   * class is the cluster's own (k3s' {@code local-path}, a cloud's default) and needs nothing.
   */
  private static void storageClass(ClusterModel model, String storageClass, SourceSpan span, List<Need> needs) {
    if (storageClass == null) {
      return;
    }
    String capability = "storage-class:" + storageClass;
    if (!model.providers(capability).isEmpty() || STD_CLASSES.computeIfAbsent(capability, c -> Components.stdProvider(c).isPresent())) {
      needs.add(new Need(capability, "uses the " + storageClass + " storage class", span));
    }
  }

  /**
   * The declarations a declaration names, each with the reason and where it is written: from its
   * lowered record, and from {@code depends-on}, the one entry every kind (and every {@code use})
   * has, read where it is written since no kind's record holds it.
   */
  public static List<Edge> references(ClusterModel model, Decl decl) {
    BoundBlock body = decl.body();
    List<Edge> edges = new ArrayList<>();
    if (body == null) {
      return edges;
    }
    for (BoundEntry e : body.all("depends-on")) {
      e.refs("value").forEach(to -> edges.add(new Edge(decl, to, "depends on", e.entry().span())));
    }
    if (decl.useBody() != null) {
      for (BoundEntry e : decl.useBody().all("depends-on")) {
        e.refs("value").forEach(to -> edges.add(new Edge(decl, to, "depends on", e.entry().span())));
      }
    }
    switch (decl.kind()) {
      case APP -> {
        App app = App.of(model, decl);
        app.mounts().forEach(m -> edge(decl, m.target(), "mounts", m.span(), edges));
        app.databases().forEach(d -> edge(decl, d.database(), "uses the database", d.span(), edges));
        app.secretEnvReads().forEach(s -> edge(decl, s.secret(), "reads the secret", s.span(), edges));
        app.routes().forEach(r -> edge(decl, r.gateway(), "is routed through", r.span(), edges));
      }
      case GATEWAY -> Gateway.of(model, decl).listeners()
          .forEach(l -> edge(decl, l.certificate(), "serves the certificate", l.certificateSpan(), edges));
      case VOLUME -> {
        Volume volume = Volume.of(model, decl);
        edge(decl, volume.backup(), "is backed up by", volume.backupEntry(), edges);
      }
      case DATABASE -> {
        Database database = Database.of(model, decl);
        edge(decl, database.backup(), "is backed up by", database.backupEntry(), edges);
      }
      case CERTIFICATE -> {
        Certificate certificate = Certificate.of(model, decl);
        edge(decl, certificate.issuer(), "is issued by", certificate.issuerEntry(), edges);
      }
      case ISSUER -> {
        Issuer.Solver solver = Issuer.of(model, decl).solver();
        if (solver != null) {
          edge(decl, solver.token(), "solves challenges with", solver.span(), edges);
        }
      }
      case SECRET -> Secret.of(model, decl).sources().stream().filter(Secret.External.class::isInstance)
          .map(Secret.External.class::cast).forEach(s -> edge(decl, s.storeDecl(), "is read from", s.entry(), edges));
      case BACKUP -> {
        BackupCredentials credentials = Backup.of(model, decl).credentials();
        edge(decl, credentials.declaration(), "authenticates with", credentials.entry(), edges);
      }
      default -> { }
    }
    return edges;
  }

  private static void edge(Decl from, Decl to, String reason, SourceSpan span, List<Edge> edges) {
    if (to != null && to.kind().isLayered()) {
      edges.add(new Edge(from, to, reason, span));
    }
  }
}
