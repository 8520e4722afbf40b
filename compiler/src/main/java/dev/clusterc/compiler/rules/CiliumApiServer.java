package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.Node;
import dev.clusterc.compiler.model.Vip;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Optional;

/**
 * Where Cilium reaches the API server when it replaces kube-proxy: without kube-proxy the
 * {@code kubernetes} Service's ClusterIP works only once Cilium runs, so Cilium must be told a
 * real address ({@code k8sServiceHost}/{@code k8sServicePort}). The emitter writes it into
 * Cilium's values and a checker reports a cluster that gives none; both read this.
 *
 * @param host the {@code k8sServiceHost}
 * @param port the {@code k8sServicePort}
 * @param source what the address comes from, for messages and documentation
 */
public record CiliumApiServer(String host, int port, String source) {
  /** Talos's KubePrism: a load-balanced API server endpoint on every node, on by default since Talos 1.6. */
  public static final String KUBEPRISM_HOST = "localhost";
  public static final int KUBEPRISM_PORT = 7445;
  public static final int API_SERVER_PORT = 6443;

  /** Whether a component is released from Cilium's chart (the standard {@code cilium} or one declared alike). */
  public static boolean isCilium(Component component) {
    return component.chart().map(c -> c.chart().equals("cilium")).orElse(false);
  }

  /** Whether a component's values turn kube-proxy replacement on ({@code true}, or the string {@code "true"}). */
  public static boolean replacesKubeProxy(Component component) {
    Object value = component.values().get("kubeProxyReplacement");
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** Whether the component's own values already name the API server. */
  public static boolean statedIn(Component component) {
    return component.values().containsKey("k8sServiceHost");
  }

  /**
   * KubePrism ({@code localhost:7445}) on Talos (a {@code vip … via talos}), which keeps answering
   * while the VIP moves and before it is up; else the control plane's VIP on 6443; else the first
   * control-plane node's address on 6443 (that node's failure then cuts every Cilium agent off the
   * API server). Empty when the cluster has none of these.
   */
  public static Optional<CiliumApiServer> of(ClusterModel model) {
    List<Decl> vips = model.decls(Kind.VIP);
    for (Decl decl : vips) {
      if (Vip.of(model, decl).viaTalos()) {
        return Optional.of(new CiliumApiServer(KUBEPRISM_HOST, KUBEPRISM_PORT, "Talos KubePrism (" + decl.label() + " is via talos)"));
      }
    }
    for (Decl decl : vips) {
      Vip vip = Vip.of(model, decl);
      if (vip.address() != null) {
        return Optional.of(new CiliumApiServer(vip.address().toString(), API_SERVER_PORT, decl.label()));
      }
    }
    return Node.withRole(model, Node.CONTROL_PLANE).stream().filter(n -> n.address() != null).findFirst()
        .map(n -> new CiliumApiServer(n.address().toString(), API_SERVER_PORT, n.decl().label()));
  }
}
