package dev.clusterc.compiler.emit.network;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.rules.GatewayClasses;
import dev.clusterc.compiler.types.Ipv4;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayInfrastructureBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewaySpecAddressBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReferenceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *   ({@link ComponentRelease#sharedServicePin});</li>
 *   <li>any other class: {@code spec.addresses}, the Gateway API's own way.</li>
 * </ul>
 * A class that wants annotations but whose address lies in no pool falls back to {@code spec.addresses}.
 * {@code expose} is not emitted: it only informs the checks.
 */
public final class GatewayEmitter implements Emitter {

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    String namespace = context.namespaceOf(decl);
    String gatewayClass = decl.body().sym("class").orElse("");
    List<Listener> listeners = new ArrayList<>();
    Map<String, List<String>> grants = new LinkedHashMap<>();
    for (ListenerSettings settings : ListenerSettings.of(decl)) {
      listeners.add(listener(settings, namespace, context, grants));
    }
    GatewayBuilder gateway = new GatewayBuilder()
        .withMetadata(context.meta(decl, decl.name(), namespace))
        .withNewSpec()
        .withGatewayClassName(gatewayClass)
        .withListeners(listeners)
        .endSpec();
    decl.body().typed("address", Typed.Addr.class).map(Typed.Addr::value)
        .ifPresent(address -> pinAddress(gateway, gatewayClass, address, context));
    unit.add(gateway.build());
    grants.forEach((certificateNamespace, secrets) -> unit.add(referenceGrant(decl, namespace, certificateNamespace, secrets, context)));
  }

  /**
   * Lets the Gateway in {@code namespace} read certificate Secrets in {@code certificateNamespace}. A
   * generic resource, since fabric8's ReferenceGrant writes {@code kind} before {@code group} and the
   * output keeps every map's keys sorted.
   */
  private static HasMetadata referenceGrant(Decl gateway, String namespace, String certificateNamespace, List<String> secrets,
      EmitContext context) {
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("group", "gateway.networking.k8s.io");
    from.put("kind", "Gateway");
    from.put("namespace", namespace);
    List<Object> to = new ArrayList<>();
    for (String secret : secrets) {
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("group", "");
      target.put("kind", "Secret");
      target.put("name", secret);
      to.add(target);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("from", List.of(from));
    spec.put("to", to);
    return context.resource("gateway.networking.k8s.io/v1beta1", "ReferenceGrant",
        context.meta(gateway, "gateway-" + gateway.name(), certificateNamespace), spec);
  }

  private static Listener listener(ListenerSettings settings, String namespace, EmitContext context,
      Map<String, List<String>> grants) {
    ListenerBuilder listener = new ListenerBuilder()
        .withName(settings.name())
        .withProtocol(settings.gatewayProtocol())
        .withPort(settings.port())
        .withHostname(settings.hostname())
        .withNewAllowedRoutes().withNewNamespaces().withFrom("All").endNamespaces().endAllowedRoutes();
    if (settings.https() && settings.certificate() != null) {
      String secret = CertificateEmitter.secretName(settings.certificate());
      String certificateNamespace = context.namespaceOf(settings.certificate());
      boolean elsewhere = !certificateNamespace.equals(namespace);
      if (elsewhere) {
        List<String> secrets = grants.computeIfAbsent(certificateNamespace, k -> new ArrayList<>());
        if (!secrets.contains(secret)) {
          secrets.add(secret);
        }
      }
      listener.withNewTls().withCertificateRefs(new SecretObjectReferenceBuilder()
          .withKind("Secret").withName(secret).withNamespace(elsewhere ? certificateNamespace : null).build()).endTls();
    }
    return listener.build();
  }

  private static void pinAddress(GatewayBuilder gateway, String gatewayClass, Ipv4 address, EmitContext context) {
    Map<String, String> annotations = PoolEmitter.pinning(context.program(), address);
    Optional<String> provider = PoolEmitter.providerOf(context.program(), address);
    boolean viaAnnotations = gatewayClass.equals("envoy-gateway") || gatewayClass.equals("nginx");
    if (GatewayClasses.sharesOneService(gatewayClass)) {
      return;
    }
    if (viaAnnotations && !annotations.isEmpty()) {
      gateway.editSpec().withInfrastructure(new GatewayInfrastructureBuilder().withAnnotations(annotations).build()).endSpec();
      return;
    }
    gateway.editSpec().withAddresses(new GatewaySpecAddressBuilder().withType("IPAddress").withValue(address.toString()).build())
        .endSpec();
    if (gatewayClass.equals("cilium") && provider.orElse("").equals("metallb")) {
      gateway.editSpec().withInfrastructure(new GatewayInfrastructureBuilder().withAnnotations(annotations).build()).endSpec();
    }
  }
}
