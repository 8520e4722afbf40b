package dev.clusterc.compiler.rules;


import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import java.util.Optional;

/**
 * A gateway listener's effective settings, for the checker and the emitters alike: {@code protocol}
 * defaults to the listener's name when that is {@code http} or {@code https}, and {@code port} to 80
 * or 443 by protocol.
 */
public final class Listeners {
  private Listeners() {}

  public static String name(BoundEntry listener) {
    return listener.str("value").orElse(listener.firstArgument());
  }

  /** The written protocol, if any. */
  public static Optional<Typed> writtenProtocol(BoundEntry listener) {
    return listener.block() == null ? Optional.empty() : listener.block().value("protocol");
  }

  /** {@code http}, {@code https}, or empty when neither written nor implied by the name. */
  public static String protocol(BoundEntry listener) {
    String name = name(listener);
    return writtenProtocol(listener).map(p -> p instanceof Typed.Sym s ? s.value() : "")
        .orElse(name.equals("http") || name.equals("https") ? name : "");
  }

  /** The written port, or the protocol's default; 0 when neither is known. */
  public static long port(BoundEntry listener) {
    Optional<Long> written = listener.block() == null ? Optional.empty() : listener.block().integer("port");
    return written.orElse(switch (protocol(listener)) {
      case "http" -> 80L;
      case "https" -> 443L;
      default -> 0L;
    });
  }

  /** The hostname, lower-cased, or empty when the listener takes every host. */
  public static String hostname(BoundEntry listener) {
    return listener.block() == null ? "" : listener.block().str("hostname").map(Hostnames::normal).orElse("");
  }
}
