package dev.clusterc.compiler.api;

import java.util.List;

/**
 * What the analysis knows about one declaration, template or template parameter, for an editor to
 * show on hover: how it is written, its documentation, where the layering put it, and the values the
 * compiler resolved for it (defaults filled in, references followed, templates expanded).
 *
 * @param keyword the kind keyword ({@code gateway}), {@code template} or {@code parameter}
 * @param signature its header as written, on one line ({@code app sonarr from media-app(port: 8989)})
 * @param doc the comment block directly above it, without the {@code #}s (Markdown); empty when there
 *     is none. For a standard-library component turned on by {@code use}, the component's own
 *     documentation, after the {@code use}'s
 * @param layer the layer it sits on, or {@code null} (cluster, node, template, or none could be given)
 * @param values resolved values in a fixed order per kind ({@code address}, {@code role},
 *     {@code routes}, {@code provides}, …), each as the text an editor shows
 * @param listeners a gateway's listeners with their defaults; empty for every other kind
 */
public record DeclarationFacts(String keyword, String name, String signature, String doc, String layer,
    List<Fact> values, List<Listener> listeners) {

  public DeclarationFacts {
    values = List.copyOf(values);
    listeners = List.copyOf(listeners);
  }

  /** One resolved value: {@code label} names it ({@code address}), {@code value} is its text ({@code 10.0.50.1}). */
  public record Fact(String label, String value) {}

  /**
   * A gateway's listener as the Gateway is emitted.
   *
   * @param protocol {@code http} or {@code https}; empty when neither written nor implied by the name
   * @param port the port the emitted Gateway's listener says: the written port or the protocol's
   *     default, except on a {@code traefik}-class gateway, where it is the container port of the
   *     Traefik entry point serving it (443 → 8443); 0 when neither is known
   * @param exposedPort the port clients reach on the gateway's address: the written port or the
   *     protocol's default (Traefik's Service maps it to {@code port}); 0 when neither is known
   * @param hostname the hostname it answers, or {@code null} for every host
   * @param certificate the certificate's name, or {@code null}
   */
  public record Listener(String name, String protocol, int port, int exposedPort, String hostname, String certificate) {}
}
