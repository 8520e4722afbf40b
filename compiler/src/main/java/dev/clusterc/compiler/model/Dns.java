package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Ipv4;
import java.util.Optional;

/**
 * A {@code dns} declaration: a DNS server for the cluster's names, answering at one address.
 *
 * @param address the address it answers at; empty only in a cluster with errors (it is required)
 * @param addressSpan where the address is written, or {@code null}
 * @param zone its {@code zone}, else the cluster's {@code domain}, else empty
 * @param via the server that answers, {@code k8s-gateway} by the schema's default
 * @param viaEntry the whole {@code via} entry, else the declaration's name
 */
public record Dns(Decl decl, Optional<Ipv4> address, SourceSpan addressSpan, String zone, String via, SourceSpan viaEntry) {

  public static Dns of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Dns.class, d -> lower(model, d));
  }

  public String name() {
    return decl.name();
  }

  private static Dns lower(ClusterModel model, Decl decl) {
    BoundBlock body = decl.body();
    if (body == null) {
      return new Dns(decl, Optional.empty(), null, domain(model), "", decl.site());
    }
    Optional<Typed.Addr> address = body.typed("address", Typed.Addr.class);
    String zone = body.str("zone").orElseGet(() -> domain(model));
    return new Dns(decl, address.map(Typed.Addr::value), address.map(Typed.Addr::span).orElse(null), zone,
        body.str("via").orElse(""), body.spanOf("via", decl.site()));
  }

  private static String domain(ClusterModel model) {
    return model.cluster().filter(c -> c.body() != null).flatMap(c -> c.body().str("domain")).orElse("");
  }
}
