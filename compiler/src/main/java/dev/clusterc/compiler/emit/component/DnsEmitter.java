package dev.clusterc.compiler.emit.component;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.DriftIgnoreAnnotation;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.network.PoolEmitter;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.Tree;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.Dns;
import dev.clusterc.compiler.model.DriftIgnore;
import dev.clusterc.compiler.model.Values;
import dev.clusterc.compiler.program.Program;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code dns … via k8s-gateway}: a Flux {@code HelmRelease} (helm.toolkit.fluxcd.io/v2) of the
 * k8s-gateway chart named after the declaration, in the namespace of the component providing
 * {@code dns:k8s-gateway}, answering for its zone ({@link Dns#zone}) from HTTPRoutes and Services
 * on a LoadBalancer Service pinned to {@code address}.
 *
 * <p>The chart comes from the source the component emitter makes for the component
 * ({@link HelmSource}, named after the component in its namespace), referred to as
 * {@link ComponentRelease} refers to it. The release reconciles at the cluster's GitOps interval.
 * Values: {@code watchedResources: [HTTPRoute, Service]}, then the component's values
 * ({@link Component#values}), then what the declaration fixes (domain, Service type and address),
 * each merged over the one before.
 *
 * <p>With {@code gitops argocd} the unit carries the same chart and values as a {@link ChartRelease}
 * for its Argo CD Application instead.
 *
 * <p>The address is pinned with the annotation of the pool that holds it
 * ({@link PoolEmitter#pinning}); outside every pool (which the checker reports), with
 * {@code service.loadBalancerIP}.
 *
 * <p>In a cluster without {@code gitops}, the same chart with the same values is rendered into
 * plain manifests ({@link PlainChart}) instead of a HelmRelease. The component's {@code ignore-drift}
 * rules annotate the release's objects as its values reach them ({@link DriftIgnoreAnnotation}).
 */
public final class DnsEmitter implements Emitter {

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Program program = context.program();
    Dns dns = Dns.of(program.model(), decl);
    Optional<Component> component = program.providers("dns:k8s-gateway").stream().findFirst()
        .map(c -> Component.of(program.model(), c));
    if (ComponentEmitter.byArgoCd(context)) {
      component.flatMap(c -> c.chart().map(chart -> new ChartRelease(decl, decl.name(), context.namespaceOf(decl),
              chart.repository(), chart.chart(), chart.version(), values(dns, component, program))))
          .ifPresent(unit::release);
      return;
    }
    List<DriftIgnore> ignored = component.map(c -> DriftIgnore.of(c.decl())).orElse(List.of());
    if (PlainChart.rendered(context)) {
      component.ifPresent(c -> c.chart().ifPresent(chart -> {
        List<KubeObject> objects = PlainChart.objects(decl, chart, decl.name(), context.namespaceOf(decl),
            values(dns, component, program), context);
        DriftIgnoreAnnotation.apply(ignored, objects);
        objects.forEach(unit::add);
      }));
      return;
    }
    Map<String, Object> spec = map("interval", ComponentEmitter.interval(context));
    component.ifPresent(c -> c.chart().ifPresent(chart -> HelmSource.reference(c, chart, spec)));
    spec.put("values", values(dns, component, program));
    KubeObject release = context.object(decl, ComponentRelease.API_VERSION, ComponentRelease.KIND, decl.name(),
        context.namespaceOf(decl)).put("spec", spec);
    DriftIgnoreAnnotation.apply(ignored, List.of(release));
    unit.add(release);
  }

  private static Map<String, Object> values(Dns dns, Optional<Component> component, Program program) {
    Map<String, Object> values = map("watchedResources", List.of("HTTPRoute", "Service"));
    if (component.isPresent()) {
      values = Values.merge(values, Tree.copy(component.get().values()));
    }
    Map<String, Object> service = map("type", "LoadBalancer");
    dns.address().ifPresent(address -> {
      Map<String, String> pinning = PoolEmitter.pinning(program, address);
      if (pinning.isEmpty()) {
        service.put("loadBalancerIP", address.toString());
      } else {
        service.put("annotations", new TreeMap<>(pinning));
      }
    });
    return Values.merge(values, map("domain", dns.zone(), "service", service));
  }
}
