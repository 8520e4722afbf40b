package dev.clusterc.compiler.emit.network;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Certificate;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.rules.GatewayClasses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gateway}: a Gateway API {@code Gateway} (gateway.networking.k8s.io/v1) of its class, in the
 * namespace of the component providing the class, with one listener per {@code listener} entry.
 *
 * <p>Every listener accepts routes from all namespaces ({@code allowedRoutes.namespaces.from: All}):
 * apps live in their own namespaces, and the Gateway API's default ({@code Same}) would refuse their
 * HTTPRoutes. An https listener terminates TLS with its certificate's Secret ({@code CERT-tls}); when
 * that Secret lives in another namespace (a certificate shared by gateways of two classes), the
 * reference names the namespace and a {@code ReferenceGrant} (v1beta1, the version the Gateway API
 * CRDs of the standard library serve) there allows it.
 *
 * <p>The address is pinned in the form the class understands:
 * <ul>
 *   <li>{@code cilium}: {@code spec.addresses: [{type: IPAddress, value: IP}]}, which Cilium asks
 *   LB-IPAM for; with a MetalLB pool, the MetalLB annotation in {@code spec.infrastructure} as well;</li>
 *   <li>{@code envoy-gateway}, {@code nginx}: {@code spec.infrastructure.annotations}, which both copy
 *   onto the LoadBalancer Service they generate per Gateway, with the pool provider's annotation
 *   (their {@code spec.addresses} become the Service's {@code externalIPs}, not its load-balancer IP);</li>
 *   <li>{@code traefik}: nothing on the Gateway; Traefik serves every Gateway from the one Service
 *   of its chart, so the address goes into the traefik component's Service values
 *   ({@code ComponentRelease.sharedServicePin});</li>
 *   <li>any other class: {@code spec.addresses}, the Gateway API's own way.</li>
 * </ul>
 * A class that wants annotations but whose address lies in no pool falls back to {@code spec.addresses}.
 * {@code expose} is not emitted: it only informs the checks.
 *
 * <p>A {@code traefik}-class listener's port is the container port of the Traefik entry point that
 * serves it ({@link TraefikEntryPoints}: 80 → 8000, 443 → 8443), since Traefik matches listeners to
 * entry points by that port; the Service still answers on the listener's port.
 */
public final class GatewayEmitter implements Emitter {

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Gateway gateway = Gateway.of(context.program().model(), decl);
    String namespace = context.namespaceOf(decl);
    String gatewayClass = gateway.gatewayClass() == null ? "" : gateway.gatewayClass();
    List<Object> listeners = new ArrayList<>();
    Map<String, List<String>> grants = new LinkedHashMap<>();
    for (Listener listener : gateway.listeners()) {
      listeners.add(listener(listener, gatewayClass, namespace, context, grants));
    }
    Map<String, Object> spec = map("gatewayClassName", gatewayClass, "listeners", listeners);
    if (gateway.address() != null) {
      pinAddress(spec, gatewayClass, gateway, context);
    }
    KubeObject object = context.object(decl, "gateway.networking.k8s.io/v1", "Gateway", decl.name(), namespace);
    object.put("spec", spec);
    unit.add(object);
    grants.forEach((certificateNamespace, secrets) -> unit.add(referenceGrant(decl, namespace, certificateNamespace, secrets, context)));
  }

  /** Lets the Gateway in {@code namespace} read certificate Secrets in {@code certificateNamespace}. */
  private static KubeObject referenceGrant(Decl gateway, String namespace, String certificateNamespace, List<String> secrets,
      EmitContext context) {
    List<Object> to = new ArrayList<>();
    for (String secret : secrets) {
      to.add(map("group", "", "kind", "Secret", "name", secret));
    }
    KubeObject grant = context.object(gateway, "gateway.networking.k8s.io/v1beta1", "ReferenceGrant",
        "gateway-" + gateway.name(), certificateNamespace);
    grant.put("spec", map(
        "from", list(map("group", "gateway.networking.k8s.io", "kind", "Gateway", "namespace", namespace)),
        "to", to));
    return grant;
  }

  private static Map<String, Object> listener(Listener listener, String gatewayClass, String namespace, EmitContext context,
      Map<String, List<String>> grants) {
    Map<String, Object> tls = null;
    if (listener.https() && listener.certificate() != null) {
      String secret = Certificate.secretName(listener.certificate());
      String certificateNamespace = context.namespaceOf(listener.certificate());
      boolean elsewhere = !certificateNamespace.equals(namespace);
      if (elsewhere) {
        List<String> secrets = grants.computeIfAbsent(certificateNamespace, k -> new ArrayList<>());
        if (!secrets.contains(secret)) {
          secrets.add(secret);
        }
      }
      tls = map("certificateRefs", list(map("kind", "Secret", "name", secret, "namespace", elsewhere ? certificateNamespace : null)));
    }
    return map(
        "name", listener.name(),
        "protocol", listener.gatewayProtocol(),
        "port", TraefikEntryPoints.gatewayPort(context.program(), gatewayClass, listener.port()),
        "hostname", listener.hostname(),
        "allowedRoutes", map("namespaces", map("from", "All")),
        "tls", tls);
  }

  private static void pinAddress(Map<String, Object> spec, String gatewayClass, Gateway gateway, EmitContext context) {
    if (GatewayClasses.sharesOneService(gatewayClass)) {
      return;
    }
    Map<String, String> annotations = PoolEmitter.pinning(context.program(), gateway.address());
    boolean viaAnnotations = gatewayClass.equals("envoy-gateway") || gatewayClass.equals("nginx");
    if (viaAnnotations && !annotations.isEmpty()) {
      spec.put("infrastructure", map("annotations", annotations));
      return;
    }
    spec.put("addresses", list(map("type", "IPAddress", "value", gateway.address().toString())));
    if (gatewayClass.equals("cilium") && PoolEmitter.providerOf(context.program(), gateway.address()).orElse("").equals("metallb")) {
      spec.put("infrastructure", map("annotations", annotations));
    }
  }
}
