package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.program.Decl;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A gateway listener with its defaults filled in, so that the emitters read what the checker
 * checked: {@code protocol} defaults to the listener's name when that is {@code http} or
 * {@code https}, {@code port} to 80 or 443 by protocol (the rules of {@code check/Listeners}, which
 * is package-private there).
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
    String name = listener.str("value").orElse(listener.firstArgument());
    BoundBlock block = listener.block();
    Optional<String> written = block == null ? Optional.empty() : block.sym("protocol");
    String protocol = written.orElse(name.equals("https") ? "https" : "http");
    long port = block == null ? 0 : block.integer("port").orElse(0L);
    if (port == 0) {
      port = protocol.equals("https") ? 443 : 80;
    }
    String hostname = block == null ? null : block.str("hostname").map(ListenerSettings::normal).orElse(null);
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

  private static String normal(String host) {
    String lower = host.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
