package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Hostnames;
import java.util.Locale;

/**
 * A {@code listener} of a gateway with its defaults filled in, so that the checkers and the
 * emitters read one reading: {@code protocol} defaults to the listener's name when that is
 * {@code http} or {@code https}, {@code port} to 80 or 443 by protocol.
 *
 * @param name the listener's name (the Gateway's {@code sectionName})
 * @param keySpan the {@code listener} keyword
 * @param nameSpan the name (the first argument), or the keyword when it has none
 * @param hasBlock whether the listener has a block (one without takes part in no route matching)
 * @param protocol {@code http} or {@code https}; empty when neither written nor implied by the name
 * @param protocolStated whether a {@code protocol} entry is written, also one whose value did not bind
 * @param protocolSpan where the protocol is written, or {@code null}
 * @param port the written port, or the protocol's default; 0 when neither is known
 * @param writtenPort the port as written (for the range check), or {@code null}
 * @param hostname lower-cased, without a trailing dot; {@code null} when the listener takes every host
 * @param writtenHostname the hostname as written, or {@code null}
 * @param hostnameSpan where the hostname is written, or {@code null}
 * @param certificate the certificate, or {@code null}
 * @param certificateSpan the whole {@code certificate} entry when written (resolved or not), or {@code null}
 */
public record Listener(String name, SourceSpan keySpan, SourceSpan nameSpan, boolean hasBlock, String protocol,
    boolean protocolStated, SourceSpan protocolSpan, int port, Typed.Int writtenPort, String hostname, String writtenHostname,
    SourceSpan hostnameSpan, Decl certificate, SourceSpan certificateSpan) {
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
    Typed.Int writtenPort = block == null ? null : block.typed("port", Typed.Int.class).orElse(null);
    long port = writtenPort != null ? writtenPort.value() : protocol.equals(HTTP) ? 80L : protocol.equals(HTTPS) ? 443L : 0L;
    Typed.Str host = block == null ? null : block.typed("hostname", Typed.Str.class).orElse(null);
    String hostname = host == null || Hostnames.normal(host.value()).isEmpty() ? null : Hostnames.normal(host.value());
    BoundEntry certificate = block == null ? null : block.first("certificate").orElse(null);
    SourceSpan keySpan = entry.entry().key().span();
    return new Listener(name, keySpan, entry.entry().args().isEmpty() ? keySpan : entry.entry().args().get(0).span(),
        block != null, protocol, block != null && block.has("protocol"), written == null ? null : written.span(), (int) port,
        writtenPort, hostname, host == null ? null : host.value(), host == null ? null : host.span(),
        certificate == null ? null : certificate.ref("value").orElse(null),
        certificate == null ? null : certificate.entry().span());
  }

  public boolean https() {
    return protocol.equals(HTTPS);
  }

  /** {@code HTTP} or {@code HTTPS}, as the Gateway API spells protocols. */
  public String gatewayProtocol() {
    return protocol.toUpperCase(Locale.ROOT);
  }
}
