package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.AddressRange;
import dev.clusterc.compiler.types.Cidr;
import dev.clusterc.compiler.types.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pool}, lowered: the load-balancer addresses one provider hands out, and whether it
 * announces them on the node network ({@code announce l2}, the schema's default) or leaves that to BGP.
 *
 * @param via {@code cilium} or {@code metallb}; {@code null} when missing (already reported)
 * @param viaEntry the whole {@code via} entry, or {@code null} when missing
 * @param l2 {@code announce l2}
 * @param ranges the valid ranges, in source order
 * @param rejectedRange whether a range was written but is not a range or network (rejected while
 *     binding: then "in no pool" could be a consequence of that mistake)
 */
public record Pool(Decl decl, String via, SourceSpan viaEntry, boolean l2, List<Range> ranges, boolean rejectedRange) {
  public static final String CILIUM = "cilium";
  public static final String METALLB = "metallb";

  /**
   * One {@code range} entry.
   *
   * @param addresses the addresses, a CIDR counting as all of its addresses
   * @param cidr the network when written as a CIDR, {@code null} when written as {@code first..last}
   */
  public record Range(Decl pool, AddressRange addresses, Cidr cidr, SourceSpan span) {
    /** {@code range 10.0.0.100..10.0.0.199 of pool lb}, for messages. */
    public String describe() {
      return "range " + span.text() + " of " + pool.label();
    }
  }

  public static Pool of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Pool.class, Pool::lower);
  }

  /** Every pool of the model, in source order. */
  public static List<Pool> all(ClusterModel model) {
    return model.decls(Kind.POOL).stream().map(decl -> of(model, decl)).toList();
  }

  /** The pool one of whose ranges holds {@code address}, first in source order. */
  public static Optional<Pool> holding(ClusterModel model, Ipv4 address) {
    return all(model).stream().filter(pool -> pool.contains(address)).findFirst();
  }

  public boolean contains(Ipv4 address) {
    return ranges.stream().anyMatch(range -> range.addresses().contains(address));
  }

  public boolean viaMetallb() {
    return METALLB.equals(via);
  }

  private static Pool lower(Decl decl) {
    List<Range> ranges = new ArrayList<>();
    boolean rejected = false;
    for (BoundEntry entry : decl.body().all("range")) {
      Typed value = entry.value();
      if (value instanceof Typed.Span span) {
        ranges.add(new Range(decl, span.value(), null, span.span()));
      } else if (value instanceof Typed.Net net) {
        ranges.add(new Range(decl, AddressRange.of(net.value()), net.value(), net.span()));
      } else {
        rejected = true;
      }
    }
    boolean l2 = decl.body().sym("announce").filter("l2"::equals).isPresent();
    return new Pool(decl, decl.body().sym("via").orElse(null),
        decl.body().first("via").map(e -> e.entry().span()).orElse(null), l2, List.copyOf(ranges), rejected);
  }
}
