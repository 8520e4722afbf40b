package dev.clusterc.compiler.emit.component;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.network.PoolEmitter;
import dev.clusterc.compiler.rules.GatewayClasses;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Ipv4;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A component's Flux {@code HelmRelease} (helm.toolkit.fluxcd.io/v2), named after the component
 * in its namespace: the chart by name and version from its {@code HelmRepository}, or by
 * {@code chartRef} to its {@code OCIRepository} (which pins the version); CRDs created and
 * replaced on install and upgrade, so that a chart's CRDs follow its version; and its values,
 * left out when there are none.
 *
 * <p>The values are the component's own {@code values} with those of {@code use NAME { values … }}
 * merged over them: maps merge key by key, at every depth; anything else (a list, a scalar, a map
 * meeting a non-map) is replaced by the {@code use}'s. Under both lies, for Traefik, the address of
 * its gateways ({@link #sharedServicePin}).
 */
public final class ComponentRelease {
  public static final String API_VERSION = "helm.toolkit.fluxcd.io/v2";
  public static final String KIND = "HelmRelease";

  private ComponentRelease() {}

  static GenericKubernetesResource of(Decl component, HelmSource.Chart chart, String interval, EmitContext context) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("interval", interval);
    if (chart.oci()) {
      spec.put("chartRef", sourceRef(component, chart));
    } else {
      Map<String, Object> chartSpec = new LinkedHashMap<>();
      chartSpec.put("chart", chart.chart());
      chartSpec.put("version", chart.version());
      chartSpec.put("sourceRef", sourceRef(component, chart));
      spec.put("chart", Map.of("spec", chartSpec));
    }
    spec.put("install", Map.of("crds", "CreateReplace"));
    spec.put("upgrade", Map.of("crds", "CreateReplace"));
    Map<String, Object> values = merge(sharedServicePin(component, context), values(component));
    if (!values.isEmpty()) {
      spec.put("values", values);
    }
    return context.resource(API_VERSION, KIND,
        context.meta(component, component.name(), context.namespaceOf(component)), spec);
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
      for (Decl gateway : context.program().decls(Kind.GATEWAY)) {
        if (!gateway.body().sym("class").orElse("").equals(gatewayClass)) {
          continue;
        }
        Optional<Ipv4> address = gateway.body().typed("address", Typed.Addr.class).map(Typed.Addr::value);
        if (address.isPresent()) {
          Map<String, String> annotations = PoolEmitter.pinning(context.program(), address.get());
          return annotations.isEmpty() ? Map.of() : Map.of("service", Map.of("annotations", annotations));
        }
      }
    }
    return Map.of();
  }

  private static Map<String, Object> sourceRef(Decl component, HelmSource.Chart chart) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("kind", HelmSource.kind(chart));
    ref.put("name", component.name());
    return ref;
  }

  /** The component's values with the {@code use}'s merged over them (see the class comment). */
  public static Map<String, Object> values(Decl component) {
    Map<String, Object> own = plain(component.body());
    BoundBlock use = component.useBody();
    return use == null ? own : merge(own, plain(use));
  }

  /** {@code override} deep-merged over {@code base}; neither is changed. Keys keep the order they were first written in. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    override.forEach((key, value) -> {
      Object under = out.get(key);
      if (under instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
        out.put(key, merge((Map<String, Object>) a, (Map<String, Object>) b));
      } else {
        out.put(key, value);
      }
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(BoundBlock block) {
    return block.typed("values", Typed.Entries.class).map(v -> (Map<String, Object>) v.plain()).orElseGet(LinkedHashMap::new);
  }
}
