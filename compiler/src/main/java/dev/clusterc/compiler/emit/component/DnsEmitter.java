package dev.clusterc.compiler.emit.component;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.network.PoolEmitter;
import dev.clusterc.compiler.program.Program;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dns … via k8s-gateway}: a Flux {@code HelmRelease} (helm.toolkit.fluxcd.io/v2) of the
 * k8s-gateway chart named after the declaration, in the namespace of the component providing
 * {@code dns:k8s-gateway}, answering for {@code zone} (the cluster's domain by default) from
 * HTTPRoutes and Services on a LoadBalancer Service pinned to {@code address}.
 *
 * <p>The chart comes from the source the component emitter makes for the component
 * ({@link HelmSource}, named after the component in its namespace): {@code chartRef} to its
 * {@code OCIRepository} for an {@code oci://} chart, {@code chart.spec} with the chart's name and
 * version from its {@code HelmRepository} otherwise, as {@link ComponentRelease} refers to them. The
 * release reconciles at the cluster's GitOps interval. Values: {@code watchedResources:
 * [HTTPRoute, Service]}, then the component's values with the {@code use}'s over them, then what the
 * declaration fixes (domain, Service type and address), each merged over the one before.
 *
 * <p>The address is pinned with the annotation of the pool that holds it
 * ({@link PoolEmitter#pinning}); outside every pool (which the checker reports), with
 * {@code service.loadBalancerIP}.
 */
public final class DnsEmitter implements Emitter {

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Program program = context.program();
    Optional<Decl> component = program.providers("dns:k8s-gateway").stream().findFirst();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("interval", ComponentEmitter.interval(context));
    component.ifPresent(c -> HelmSource.chart(c).ifPresent(chart -> chart(c, chart, spec)));
    spec.put("values", values(decl, component, program));
    unit.add(context.resource(ComponentRelease.API_VERSION, ComponentRelease.KIND,
        context.meta(decl, decl.name(), context.namespaceOf(decl)), spec));
  }

  private static void chart(Decl component, HelmSource.Chart chart, Map<String, Object> spec) {
    Map<String, Object> sourceRef = new LinkedHashMap<>();
    sourceRef.put("kind", HelmSource.kind(chart));
    sourceRef.put("name", component.name());
    if (chart.oci()) {
      spec.put("chartRef", sourceRef);
      return;
    }
    Map<String, Object> chartSpec = new LinkedHashMap<>();
    chartSpec.put("chart", chart.chart());
    chartSpec.put("version", chart.version());
    chartSpec.put("sourceRef", sourceRef);
    spec.put("chart", Map.of("spec", chartSpec));
  }

  private static Map<String, Object> values(Decl decl, Optional<Decl> component, Program program) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("watchedResources", List.of("HTTPRoute", "Service"));
    if (component.isPresent()) {
      values = ComponentRelease.merge(values, ComponentRelease.values(component.get()));
    }
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("type", "LoadBalancer");
    decl.body().typed("address", Typed.Addr.class).map(Typed.Addr::value).ifPresent(address -> {
      Map<String, String> pinning = PoolEmitter.pinning(program, address);
      if (pinning.isEmpty()) {
        service.put("loadBalancerIP", address.toString());
      } else {
        service.put("annotations", new LinkedHashMap<>(pinning));
      }
    });
    Map<String, Object> fixed = new LinkedHashMap<>();
    fixed.put("domain", zone(decl, program));
    fixed.put("service", service);
    return ComponentRelease.merge(values, fixed);
  }

  /** The zone k8s-gateway answers for: {@code zone}, else the cluster's domain. */
  static String zone(Decl dns, Program program) {
    return dns.body().str("zone")
        .or(() -> program.cluster().flatMap(c -> c.body().str("domain")))
        .orElse("");
  }
}
