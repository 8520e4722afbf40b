package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.model.Component;
import java.util.Map;

/**
 * The seam between the emitters and Helm: renders a component's chart into plain manifests for a
 * cluster that has no GitOps controller to do it ({@code gitops} absent). Emitters ask
 * {@link EmitContext#charts()} and never the Helm library itself, so that the library (a native
 * one, tens of megabytes) loads only in a compile that renders a chart, and so that {@code check}
 * can emit with {@link #OFFLINE}, which renders nothing and needs no network.
 */
public interface ChartRenderer {
  /** Renders no chart: what {@code check} emits with, to stay offline and fast. */
  ChartRenderer OFFLINE = (chart, release, namespace, values) -> "";

  /**
   * The chart's manifests as multi-document YAML: its CRDs first, then its templates rendered for
   * release {@code release} in {@code namespace} with {@code values} over the chart's own.
   *
   * @throws ChartException when the chart cannot be fetched or rendered; nothing is left half-written
   */
  String render(Component.Chart chart, String release, String namespace, Map<String, Object> values)
      throws ChartException;
}
