package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code listener} of a gateway with its defaults filled in, so that the checkers and the
 * emitters read one reading: {@code protocol} defaults to the listener's name when that is
 * {@code http} or {@code https}, {@code port} to 80 or 443 by protocol.
 *
 * @param name the listener's name (the Gateway's {@code sectionName})
 * @param keySpan the {@code listener} keyword
 * @param nameSpan the name, or the whole entry when it has none
 * @param hasBlock whether the listener has a block (one without takes part in no route matching)
 * @param protocol {@code http} or {@code https}; empty when neither written nor implied by the name
 * @param protocolSpan where the protocol is written, or {@code null}
 * @param port the written port, or the protocol's default; 0 when neither is known
 * @param hostname lower-cased, without a trailing dot; {@code null} when the listener takes every host
 * @param writtenHostname the hostname as written, or {@code null}
 * @param hostnameSpan where the hostname is written, or {@code null}
 * @param certificate the certificate, or {@code null}
 */
public record Listener(String name, SourceSpan keySpan, SourceSpan nameSpan, boolean hasBlock, String protocol,
    SourceSpan protocolSpan, int port, String hostname, String writtenHostname, SourceSpan hostnameSpan, Decl certificate) {
  public static final String HTTP = "http";
  public static final String HTTPS = "https";

  /**
   * Lowers one {@code listener} entry. Gateways lower theirs once ({@link Gateway#listeners()});
   * this is for readers that hold the entry alone.
   */
  public static Listener of(BoundEntry entry) {
    String name = entry.str("value").orElse(entry.firstArgument());
    BoundBlock block = entry.block();
    Typed written = block == null ? null : block.value("protocol").orElse(null);
    String protocol = written != null ? (written instanceof Typed.Sym s ? s.value() : "")
        : name.equals(HTTP) || name.equals(HTTPS) ? name : "";
    long port = (block == null ? Optional.<Long>empty() : block.integer("port"))
        .orElse(protocol.equals(HTTP) ? 80L : protocol.equals(HTTPS) ? 443L : 0L);
    Typed.Str host = block == null ? null : block.typed("hostname", Typed.Str.class).orElse(null);
    String hostname = host == null || normal(host.value()).isEmpty() ? null : normal(host.value());
    Decl certificate = block == null ? null : block.first("certificate").flatMap(c -> c.ref("value")).orElse(null);
    return new Listener(name, entry.entry().key().span(), entry.get("value").map(Typed::span).orElse(entry.entry().span()),
        block != null, protocol, written == null ? null : written.span(), (int) port, hostname,
        host == null ? null : host.value(), host == null ? null : host.span(), certificate);
  }

  /**
   * Lower case, trimmed, without a trailing dot: host names compare so (the rules' {@code Hostnames}
   * sit above the model and build their matching on the same form).
   */
  private static String normal(String host) {
    String lower = host.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  public boolean https() {
    return protocol.equals(HTTPS);
  }

  /** {@code HTTP} or {@code HTTPS}, as the Gateway API spells protocols. */
  public String gatewayProtocol() {
    return protocol.toUpperCase(Locale.ROOT);
  }
}
