package dev.clusterc.compiler.emit.component;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.network.PoolEmitter;
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
 * are none. Under them lies, for Traefik, the address of its gateways ({@link #sharedServicePin}).
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

  /** The release's values: the component's (with the {@code use}'s over them) over the {@link #sharedServicePin}. */
  static Map<String, Object> values(Component component, EmitContext context) {
    return Values.merge(sharedServicePin(component.decl(), context), Tree.copy(component.values()));
  }

  /**
   * For a component serving gateways of a class from the one Service of its chart (Traefik), that
   * Service's address: {@code service.annotations} with the pool provider's annotation for the
   * address of the first gateway of the class that has one. Empty for other components, or when
   * that address lies in no pool.
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
          return annotations.isEmpty() ? Map.of() : map("service", map("annotations", new TreeMap<>(annotations)));
        }
      }
    }
    return Map.of();
  }
}
