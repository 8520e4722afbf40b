package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chart releases of a compiled cluster as a controller would read them — HelmReleases, or under
 * Argo CD the charts its Applications render: which chart each releases (read from the HelmRelease
 * and its source object, or the unit's release, not from the model) and the values
 * Helm would render it with (the chart's defaults, as a test restates them, under the release's).
 */
final class ChartReleases {
  private ChartReleases() {}

  /** A release, the unit it is in, the name of the chart it releases and the values it sets. */
  record Release(Unit unit, String chart, Map<String, Object> values) {
    /** The release's values over {@code defaults}, merged as Helm merges them (maps by key, anything else replaced). */
    Map<String, Object> effectiveValues(Map<String, Object> defaults) {
      return merge(defaults, values);
    }
  }

  static List<Release> of(Compilation compilation) {
    List<Release> releases = new ArrayList<>();
    for (Unit unit : compilation.units()) {
      for (KubeObject object : unit.objects()) {
        if (object.kind().equals("HelmRelease")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> values = (Map<String, Object>) object.map("spec").getOrDefault("values", Map.of());
          releases.add(new Release(unit, chartOf(object, compilation), values));
        }
      }
      for (ChartRelease release : unit.releases()) {
        releases.add(new Release(unit, release.chart(), release.values()));
      }
    }
    return releases;
  }

  static List<Release> ofChart(Compilation compilation, String chart) {
    return of(compilation).stream().filter(r -> r.chart().equals(chart)).toList();
  }

  /** {@code spec.chart.spec.chart}, or the last path segment of the OCIRepository that {@code spec.chartRef} names. */
  @SuppressWarnings("unchecked")
  private static String chartOf(KubeObject release, Compilation compilation) {
    Map<String, Object> spec = release.map("spec");
    if (spec.get("chart") instanceof Map<?, ?> chart) {
      return (String) ((Map<String, Object>) chart.get("spec")).get("chart");
    }
    Map<String, Object> ref = (Map<String, Object>) spec.get("chartRef");
    for (Unit unit : compilation.units()) {
      for (KubeObject object : unit.objects()) {
        if (object.kind().equals(ref.get("kind")) && object.name().equals(ref.get("name"))
            && Objects.equals(object.namespace(), release.namespace())) {
          String url = (String) object.map("spec").get("url");
          return url.substring(url.lastIndexOf('/') + 1);
        }
      }
    }
    throw new AssertionError("HelmRelease " + release.name() + " refers to no source: " + ref);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    over.forEach((key, value) -> {
      if (out.get(key) instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
        out.put(key, merge((Map<String, Object>) a, (Map<String, Object>) b));
      } else {
        out.put(key, value);
      }
    });
    return out;
  }

  /** The value at a dotted path of nested maps, or {@code null}. */
  static Object at(Map<String, Object> values, String path) {
    Object here = values;
    for (String key : path.split("\\.")) {
      if (!(here instanceof Map<?, ?> map)) {
        return null;
      }
      here = map.get(key);
    }
    return here;
  }
}
