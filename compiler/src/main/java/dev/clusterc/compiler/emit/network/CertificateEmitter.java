package dev.clusterc.compiler.emit.network;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Certificate;

/**
 * {@code certificate}: a cert-manager {@code Certificate} (cert-manager.io/v1) for its hosts, issued
 * by the {@code ClusterIssuer} of its issuer into the Secret {@code NAME-tls}, in the namespace of
 * the first gateway serving it (where that gateway's listeners read the Secret).
 */
public final class CertificateEmitter implements Emitter {

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Certificate certificate = Certificate.of(context.program().model(), decl);
    KubeObject object = context.object(decl, "cert-manager.io/v1", "Certificate", decl.name(), context.namespaceOf(decl));
    object.put("spec", map(
        "secretName", certificate.secretName(),
        "dnsNames", certificate.hosts(),
        "issuerRef", certificate.issuer() == null ? null
            : map("name", certificate.issuer().name(), "kind", "ClusterIssuer", "group", "cert-manager.io")));
    unit.add(object);
  }
}
