package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Ipv4;
import java.util.List;

/**
 * {@code vip}, lowered: the control-plane's shared address, who floats it ({@code kube-vip}, the
 * schema's default, or {@code talos}) and on which nodes.
 *
 * @param address the shared address, or {@code null} when missing or rejected
 * @param addressSpan where the address is written, or {@code null}
 * @param on the nodes of {@code on [NODE…]}; empty for {@code on control-plane}, the schema's default
 * @param via {@code kube-vip} or {@code talos}
 * @param networkInterface the {@code interface} as written, or {@code null} (any physical link)
 */
public record Vip(Decl decl, Ipv4 address, SourceSpan addressSpan, List<Decl> on, String via, String networkInterface) {
  public static final String TALOS = "talos";

  public static Vip of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Vip.class, Vip::lower);
  }

  public boolean viaTalos() {
    return TALOS.equals(via);
  }

  private static Vip lower(Decl decl) {
    Typed.Addr address = decl.body().typed("address", Typed.Addr.class).orElse(null);
    List<Decl> on = decl.body().first("on").map(e -> e.refs("value")).orElse(List.of());
    return new Vip(decl, address == null ? null : address.value(), address == null ? null : address.span(), on,
        decl.body().sym("via").orElse(null), decl.body().str("interface").orElse(null));
  }
}
