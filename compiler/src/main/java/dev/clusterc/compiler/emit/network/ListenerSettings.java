package dev.clusterc.compiler.emit.network;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.rules.Listeners;
import java.util.List;
import java.util.Locale;

/**
 * A gateway listener with its defaults filled in, so that the emitters read what the checker
 * checked: {@code protocol} defaults to the listener's name when that is {@code http} or
 * {@code https}, {@code port} to 80 or 443 by protocol (the rules of {@link Listeners}).
 *
 * @param name the listener's name (the Gateway's {@code sectionName})
 * @param protocol {@code http} or {@code https}; {@code http} when neither written nor implied (a
 *     program with that error does not compile)
 * @param port the written port or the protocol's default
 * @param hostname lower-cased, without a trailing dot; {@code null} when the listener takes every host
 * @param certificate the certificate declaration, or {@code null}
 */
record ListenerSettings(String name, String protocol, int port, String hostname, Decl certificate) {

  /** Every listener of a gateway, in source order. */
  static List<ListenerSettings> of(Decl gateway) {
    return gateway.body().all("listener").stream().map(ListenerSettings::of).toList();
  }

  static ListenerSettings of(BoundEntry listener) {
    String name = Listeners.name(listener);
    BoundBlock block = listener.block();
    String protocol = Listeners.protocol(listener).isEmpty() ? "http" : Listeners.protocol(listener);
    long port = Listeners.port(listener) == 0 ? 80 : Listeners.port(listener);
    String hostname = Listeners.hostname(listener).isEmpty() ? null : Listeners.hostname(listener);
    Decl certificate = block == null ? null
        : block.first("certificate").flatMap(c -> c.ref("value")).orElse(null);
    return new ListenerSettings(name, protocol, (int) port, hostname, certificate);
  }

  boolean https() {
    return protocol.equals("https");
  }

  /** {@code HTTP} or {@code HTTPS}, as the Gateway API spells protocols. */
  String gatewayProtocol() {
    return protocol.toUpperCase(Locale.ROOT);
  }
}
