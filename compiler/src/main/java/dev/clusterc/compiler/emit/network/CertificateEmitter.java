package dev.clusterc.compiler.emit.network;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code certificate}: a cert-manager {@code Certificate} (cert-manager.io/v1) for its hosts, issued
 * by the {@code ClusterIssuer} of its issuer into the Secret {@code NAME-tls}, in the namespace of
 * the first gateway serving it (where that gateway's listeners read the Secret).
 */
public final class CertificateEmitter implements Emitter {

  /** The Secret a certificate is stored in, which https listeners reference. */
  public static String secretName(Decl certificate) {
    return certificate.name() + "-tls";
  }

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("secretName", secretName(decl));
    spec.put("dnsNames", hosts(decl));
    decl.body().first("issuer").flatMap(e -> e.ref("value")).ifPresent(issuer -> {
      Map<String, Object> issuerRef = new LinkedHashMap<>();
      issuerRef.put("name", issuer.name());
      issuerRef.put("kind", "ClusterIssuer");
      issuerRef.put("group", "cert-manager.io");
      spec.put("issuerRef", issuerRef);
    });
    unit.add(context.resource("cert-manager.io/v1", "Certificate", context.meta(decl, decl.name(), context.namespaceOf(decl)), spec));
  }

  private static List<String> hosts(Decl certificate) {
    return certificate.body().typed("hosts", Typed.Items.class)
        .map(items -> items.items().stream().filter(Typed.Str.class::isInstance).map(s -> ((Typed.Str) s).value()).toList())
        .orElse(List.of());
  }
}
