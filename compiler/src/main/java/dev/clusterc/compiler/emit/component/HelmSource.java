package dev.clusterc.compiler.emit.component;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

  /**
   * A component's chart as it is deployed: {@code chart URL name CHART version VERSION}, with the
   * version of {@code use NAME { version … }} when given.
   *
   * @param repository an {@code https://} Helm repository or an {@code oci://} registry, as written
   */
  public record Chart(String repository, String chart, String version) {
    /** Whether the chart lives in an OCI registry rather than a Helm repository. */
    public boolean oci() {
      return repository.startsWith("oci://");
    }

    /** The OCI artifact of the chart: {@code oci://REGISTRY/PATH/CHART}. */
    String ociUrl() {
      String base = repository;
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      return base + "/" + chart;
    }
  }

  /** The chart of a component, or empty for one without a (complete) {@code chart} entry. */
  public static Optional<Chart> chart(Decl component) {
    Optional<BoundEntry> entry = component.body().first("chart");
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> repository = entry.get().str("repository");
    Optional<String> chart = entry.get().str("chart");
    Optional<String> version = Optional.ofNullable(component.useBody()).flatMap(use -> use.str("version"))
        .or(() -> entry.get().str("version"));
    if (repository.isEmpty() || chart.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Chart(repository.get(), chart.get(), version.get()));
  }

  /** The kind of the source object of a chart. */
  public static String kind(Chart chart) {
    return chart.oci() ? OCI_REPOSITORY : HELM_REPOSITORY;
  }

  static GenericKubernetesResource of(Decl component, Chart chart, String interval, EmitContext context) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("interval", interval);
    if (chart.oci()) {
      spec.put("url", chart.ociUrl());
      spec.put("ref", Map.of("tag", chart.version()));
      Map<String, Object> layer = new LinkedHashMap<>();
      layer.put("mediaType", HELM_CHART_LAYER);
      layer.put("operation", "copy");
      spec.put("layerSelector", layer);
    } else {
      spec.put("url", chart.repository());
    }
    return context.resource(API_VERSION, kind(chart),
        context.meta(component, component.name(), context.namespaceOf(component)), spec);
  }
}
