package dev.clusterc.compiler.emit.component;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.network.PoolEmitter;
import dev.clusterc.compiler.emit.network.TraefikEntryPoints;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.Tree;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Values;
import dev.clusterc.compiler.rules.GatewayClasses;
import dev.clusterc.compiler.schema.Kind;
import java.util.Map;
import java.util.TreeMap;

/**
 * A component's Flux {@code HelmRelease} (helm.toolkit.fluxcd.io/v2), named after the component
 * in its namespace: the chart by name and version from its {@code HelmRepository}, or by
 * {@code chartRef} to its {@code OCIRepository} (which pins the version); CRDs created and
 * replaced on install and upgrade, so that a chart's CRDs follow its version; and its values
 * ({@link Component#values}: the component's with the {@code use}'s over them), left out when there
 * are none. Under them lie the values the compiler derives from the rest of the cluster
 * ({@link #derived}); the user's values win over them.
 */
public final class ComponentRelease {
  public static final String API_VERSION = "helm.toolkit.fluxcd.io/v2";
  public static final String KIND = "HelmRelease";

  private ComponentRelease() {}

  static KubeObject of(Component component, Component.Chart chart, String interval, EmitContext context) {
    Map<String, Object> spec = map("interval", interval);
    HelmSource.reference(component, chart, spec);
    spec.put("install", map("crds", "CreateReplace"));
    spec.put("upgrade", map("crds", "CreateReplace"));
    Map<String, Object> values = values(component, context);
    if (!values.isEmpty()) {
      spec.put("values", values);
    }
    return context.object(component.decl(), API_VERSION, KIND, component.name(), component.namespace()).put("spec", spec);
  }

  /** The release's values: the component's ({@link Component#values}) over what the cluster fixes in them ({@link #derived}). */
  static Map<String, Object> values(Component component, EmitContext context) {
    return Values.merge(derived(component, context), Tree.copy(component.values()));
  }

  /**
   * What the cluster fixes in a component's values: for the component serving {@code traefik}-class
   * gateways, its Service's address ({@link #sharedServicePin}) and the entry points of their
   * listeners ({@link TraefikEntryPoints}); for Cilium, its IPAM pool and API server address
   * ({@link CiliumValues}).
   */
  static Map<String, Object> derived(Component component, EmitContext context) {
    Map<String, Object> values = sharedServicePin(component.decl(), context);
    if (context.program().providers("gateway-class:traefik").contains(component.decl())) {
      values = Values.merge(values, TraefikEntryPoints.values(context.program()));
    }
    if (CiliumValues.isCilium(component)) {
      values = Values.merge(values, CiliumValues.of(component, context.program()));
    }
    return values;
  }

  /**
   * For a component serving gateways of a class from the one Service of its chart (Traefik), that
   * Service's address: {@code service.annotations} with the pool provider's annotation for the
   * address of the first gateway of the class that has one, or {@code service.spec.loadBalancerIP}
   * when that address lies in no pool. Empty for other components.
   */
  static Map<String, Object> sharedServicePin(Decl component, EmitContext context) {
    for (String gatewayClass : GatewayClasses.SHARED_SERVICE) {
      if (!context.program().providers("gateway-class:" + gatewayClass).contains(component)) {
        continue;
      }
      for (Decl decl : context.program().decls(Kind.GATEWAY)) {
        Gateway gateway = Gateway.of(context.program().model(), decl);
        if (gatewayClass.equals(gateway.gatewayClass()) && gateway.address() != null) {
          Map<String, String> annotations = PoolEmitter.pinning(context.program(), gateway.address());
          return annotations.isEmpty() ? map("service", map("spec", map("loadBalancerIP", gateway.address().toString())))
              : map("service", map("annotations", new TreeMap<>(annotations)));
        }
      }
    }
    return Map.of();
  }
}
