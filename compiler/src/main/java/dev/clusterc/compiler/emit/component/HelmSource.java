package dev.clusterc.compiler.emit.component;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Component;
import java.util.Map;

/**
 * A component's chart and where Flux fetches it from, named after the component in its namespace: a
 * {@code HelmRepository} for an {@code https://} repository, an {@code OCIRepository} pinned to the
 * chart's version for an {@code oci://} registry (the Helm chart layer selected and copied as is,
 * which is what a HelmRelease's {@code chartRef} expects).
 */
public final class HelmSource {
  static final String API_VERSION = "source.toolkit.fluxcd.io/v1";
  static final String HELM_REPOSITORY = "HelmRepository";
  static final String OCI_REPOSITORY = "OCIRepository";
  static final String HELM_CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

  private HelmSource() {}

  /** The kind of the source object of a chart. */
  public static String kind(Component.Chart chart) {
    return chart.oci() ? OCI_REPOSITORY : HELM_REPOSITORY;
  }

  /**
   * How a HelmRelease names the chart of {@code component}: {@code chartRef} to its
   * {@code OCIRepository} (which pins the version), or {@code chart.spec} with the chart's name and
   * version from its {@code HelmRepository}; put into {@code spec}.
   */
  static void reference(Component component, Component.Chart chart, Map<String, Object> spec) {
    var sourceRef = map("kind", kind(chart), "name", component.name());
    if (chart.oci()) {
      spec.put("chartRef", sourceRef);
    } else {
      spec.put("chart", map("spec", map("chart", chart.chart(), "version", chart.version(), "sourceRef", sourceRef)));
    }
  }

  static KubeObject of(Component component, Component.Chart chart, String interval, EmitContext context) {
    KubeObject source = context.object(component.decl(), API_VERSION, kind(chart), component.name(), component.namespace());
    if (chart.oci()) {
      source.put("spec", map(
          "interval", interval,
          "url", chart.ociUrl(),
          "ref", map("tag", chart.version()),
          "layerSelector", map("mediaType", HELM_CHART_LAYER, "operation", "copy")));
    } else {
      source.put("spec", map("interval", interval, "url", chart.repository()));
    }
    return source;
  }
}
