package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.CiliumApiServer;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/**
 * {@code api-server-unknown}: Cilium replaces kube-proxy, but the cluster names no address of the
 * API server for it (no {@code vip}, no control-plane node with an address, no
 * {@code k8sServiceHost} in its values). Cilium would then try the {@code kubernetes} Service's
 * ClusterIP, which only Cilium itself can route: its agents never start. A warning, since the
 * chart can still be released and the address given later.
 */
public final class CiliumApiServerChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    if (program.cluster().isEmpty() || CiliumApiServer.of(program.model()).isPresent()) {
      return;
    }
    for (Decl decl : program.decls(Kind.COMPONENT)) {
      Component component = Component.of(program.model(), decl);
      if (!CiliumApiServer.isCilium(component) || !CiliumApiServer.replacesKubeProxy(component)
          || CiliumApiServer.statedIn(component)) {
        continue;
      }
      report.accept(Diagnostic.warning(Code.API_SERVER_UNKNOWN, decl.site(),
              decl.label() + " replaces kube-proxy, but the cluster names no address of the API server for it to reach")
          .withHint("declare the control plane's `vip`, give a control-plane `node` its `address`, or set "
              + "`k8sServiceHost` and `k8sServicePort` in its values"));
    }
  }
}
