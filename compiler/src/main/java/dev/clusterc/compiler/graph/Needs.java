package dev.clusterc.compiler.graph;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import java.util.ArrayList;
import java.util.List;

/**
 * What a declaration uses, in one place: the components it needs (by capability) and the
 * declarations it names. The dependency graph and the provider check both read this.
 */
public final class Needs {
  private Needs() {}

  /** The capabilities a declaration needs from components in use. */
  public static List<Need> capabilities(Decl decl) {
    BoundBlock body = decl.body();
    List<Need> needs = new ArrayList<>();
    if (body == null) {
      return needs;
    }
    switch (decl.kind()) {
      case GATEWAY -> body.first("class").ifPresent(e -> e.str("value").ifPresent(c -> {
        needs.add(new Need("gateway-class:" + c, "has class " + c, e.entry().span()));
        needs.add(new Need("gateway-api", "is a Gateway API gateway", decl.site()));
      }));
      case POOL -> body.first("via").ifPresent(e -> e.str("value").ifPresent(
          via -> needs.add(new Need("pool:" + via, "is announced via " + via, e.entry().span()))));
      case DNS -> needs.add(new Need("dns:k8s-gateway", "is served via k8s-gateway", body.spanOf("via", decl.site())));
      case ISSUER -> needs.add(new Need("cert-manager", "is a cert-manager issuer", decl.site()));
      case CERTIFICATE -> needs.add(new Need("cert-manager", "is issued by cert-manager", decl.site()));
      case SECRET -> {
        body.first("external").ifPresent(e -> needs.add(new Need("external-secrets", "is an external secret", e.entry().span())));
        body.first("sealed").ifPresent(e -> needs.add(new Need("sealed-secrets", "is a sealed secret", e.entry().span())));
      }
      case BACKUP -> body.first("via").ifPresent(e -> e.str("value").filter(v -> !v.equals("restic")).ifPresent(
          via -> needs.add(new Need(via, "is carried out via " + via, e.entry().span()))));
      case VOLUME -> volume(body, needs);
      case DATABASE -> needs.add(new Need("cloudnative-pg", "is a CloudNativePG database", decl.site()));
      default -> { }
    }
    return needs;
  }

  private static void volume(BoundBlock body, List<Need> needs) {
    for (BoundEntry entry : body.all("backup")) {
      entry.ref("value").ifPresent(backup -> {
        String via = backup.body() == null ? "restic" : backup.body().sym("via").orElse("restic");
        if (via.equals("restic")) {
          needs.add(new Need("volsync", "is backed up with restic", entry.entry().span()));
        }
      });
    }
    body.first("replicate").ifPresent(e -> needs.add(new Need("volsync", "is replicated via "
        + e.str("method").orElse("syncthing"), e.entry().span())));
    body.first("class").ifPresent(e -> e.str("value").filter("longhorn"::equals).ifPresent(
        c -> needs.add(new Need("storage-class:longhorn", "uses the longhorn storage class", e.entry().span()))));
  }

  /** The declarations a declaration names, each with the reason and where it is written. */
  public static List<Edge> references(Decl decl) {
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
        ref(decl, body, "mount", "volume", "mounts", edges);
        ref(decl, body, "database", "database", "uses the database", edges);
        ref(decl, body, "secret-env", "value", "reads the secret", edges);
        ref(decl, body, "route", "gateway", "is routed through", edges);
      }
      case GATEWAY -> body.all("listener").forEach(l -> {
        if (l.block() != null) {
          ref(decl, l.block(), "certificate", "value", "serves the certificate", edges);
        }
      });
      case VOLUME, DATABASE -> ref(decl, body, "backup", "value", "is backed up by", edges);
      case CERTIFICATE -> ref(decl, body, "issuer", "value", "is issued by", edges);
      case ISSUER -> ref(decl, body, "solver", "token", "solves challenges with", edges);
      case SECRET -> ref(decl, body, "external", "store", "is read from", edges);
      case BACKUP -> ref(decl, body, "credentials", "value", "authenticates with", edges);
      default -> { }
    }
    return edges;
  }

  private static void ref(Decl from, BoundBlock body, String key, String slot, String reason, List<Edge> edges) {
    for (BoundEntry e : body.all(key)) {
      e.ref(slot).filter(to -> to.kind().isLayered()).ifPresent(to -> edges.add(new Edge(from, to, reason, e.entry().span())));
    }
  }
}
