package dev.clusterc.compiler.emit.component;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.core.DriftIgnoreAnnotation;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.DriftIgnore;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code component}, declared in the sources or turned on from the standard library by
 * {@code use}: the Flux source of its chart ({@link HelmSource}) and its HelmRelease
 * ({@link ComponentRelease}), in the component's namespace. Both reconcile at the cluster's
 * {@code gitops} interval, the schema's default when it gives none. A component without a chart (one that
 * only {@code provides}) emits nothing. In a cluster without {@code gitops} nothing would read those
 * Flux objects: the chart is rendered into plain manifests instead ({@link PlainChart}).
 *
 * <p>Its {@code ignore-drift} rules annotate the objects it emits ({@link DriftIgnoreAnnotation}): the
 * rendered chart's for direct delivery, which is what clusterc's runtime applies; the HelmRepository
 * and HelmRelease under Flux, which Flux does not read it from.
 *
 * <p>With {@code gitops argocd} no Flux object is made: the unit carries a {@link ChartRelease} with
 * the same chart, version and values, which its Argo CD Application renders.
 *
 * <p>The component's Namespace is not made here: the cluster-wide unit ({@link ClusterEmitter})
 * makes one Namespace for every namespace any unit uses, so that components sharing a namespace
 * never write it twice.
 */
public final class ComponentEmitter implements Emitter {
  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Component component = Component.of(context.program().model(), decl);
    component.chart().ifPresent(chart -> {
      if (byArgoCd(context)) {
        if (!releasedByDns(decl, context)) {
          unit.release(new ChartRelease(decl, component.name(), component.namespace(), chart.repository(), chart.chart(),
              chart.version(), ComponentRelease.values(component, context)));
        }
        return;
      }
      List<KubeObject> objects = new ArrayList<>();
      if (PlainChart.rendered(context)) {
        if (!releasedByDns(decl, context)) {
          objects.addAll(PlainChart.objects(decl, chart, component.name(), component.namespace(),
              ComponentRelease.values(component, context), context));
        }
      } else {
        String interval = interval(context);
        objects.add(HelmSource.of(component, chart, interval, context));
        if (!releasedByDns(decl, context)) {
          objects.add(ComponentRelease.of(component, chart, interval, context));
        }
      }
      DriftIgnoreAnnotation.apply(DriftIgnore.of(decl), objects);
      objects.forEach(unit::add);
    });
  }

  /** k8s-gateway is released once per {@code dns} declaration ({@link DnsEmitter}), with its zone and address. */
  private static boolean releasedByDns(Decl component, EmitContext context) {
    return !context.program().decls(Kind.DNS).isEmpty()
        && context.program().providers("dns:k8s-gateway").contains(component);
  }

  /** Whether Argo CD deploys the cluster ({@code gitops argocd}): its Applications render the charts, Flux is absent. */
  public static boolean byArgoCd(EmitContext context) {
    return context.deployer() == Deployer.ARGO_CD;
  }

  /** The cluster's {@code gitops flux { interval }} in Go's notation ({@code 1h0m0s}), else the schema's default. */
  public static String interval(EmitContext context) {
    GitOps gitops = Cluster.of(context.program().model()).map(Cluster::gitops).orElse(null);
    return (gitops == null ? GitOps.defaultInterval() : gitops.interval()).toGoString();
  }
}
