package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Ipv4;
import java.util.List;

/**
 * {@code gateway}, lowered: its class, its address, its listeners with their defaults, and whether
 * it faces the internet ({@code expose}, {@code internal} by the schema's default).
 *
 * @param gatewayClass the class as written, or {@code null} when missing (already reported)
 * @param classEntry the whole {@code class} entry, or {@code null} when missing
 * @param address the address, or {@code null} when not written or rejected
 * @param addressSpan where the address is written, or {@code null}
 * @param listeners the listeners, in source order
 * @param expose {@code internal} or {@code public}
 * @param exposeSpan where {@code expose} is written, or {@code null} when it is the default
 */
public record Gateway(Decl decl, String gatewayClass, SourceSpan classEntry, Ipv4 address, SourceSpan addressSpan,
    List<Listener> listeners, String expose, SourceSpan exposeSpan) {

  public static Gateway of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Gateway.class, Gateway::lower);
  }

  public boolean isPublic() {
    return "public".equals(expose);
  }

  private static Gateway lower(Decl decl) {
    Typed.Addr address = decl.body().typed("address", Typed.Addr.class).orElse(null);
    List<Listener> listeners = decl.body().all("listener").stream().map(Listener::of).toList();
    return new Gateway(decl, decl.body().sym("class").orElse(null),
        decl.body().first("class").map(e -> e.entry().span()).orElse(null), address == null ? null : address.value(),
        address == null ? null : address.span(), listeners, decl.body().sym("expose").orElse(null),
        decl.body().value("expose").map(Typed::span).orElse(null));
  }
}
