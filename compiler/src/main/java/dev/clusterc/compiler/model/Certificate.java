package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * {@code certificate}, lowered: the hosts it covers and the issuer that signs it.
 *
 * @param hosts the hosts as written, in order
 * @param issuer the issuer, or {@code null} when missing or unresolved (already reported)
 * @param issuerEntry the whole {@code issuer} entry, or {@code null} when missing
 */
public record Certificate(Decl decl, List<String> hosts, Decl issuer, SourceSpan issuerEntry) {

  public static Certificate of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Certificate.class, Certificate::lower);
  }

  /** The Secret the certificate is stored in, {@code NAME-tls}, which https listeners reference. */
  public static String secretName(Decl certificate) {
    return certificate.name() + "-tls";
  }

  public String secretName() {
    return secretName(decl);
  }

  private static Certificate lower(Decl decl) {
    List<String> hosts = decl.body().typed("hosts", Typed.Items.class)
        .map(items -> items.items().stream().filter(Typed.Str.class::isInstance).map(s -> ((Typed.Str) s).value()).toList())
        .orElse(List.of());
    BoundEntry issuer = decl.body().first("issuer").orElse(null);
    return new Certificate(decl, hosts, issuer == null ? null : issuer.ref("value").orElse(null),
        issuer == null ? null : issuer.entry().span());
  }
}
