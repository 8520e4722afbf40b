package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.bind.Decl;
import java.util.Map;

/**
 * A Helm chart a unit deploys when no Flux HelmRelease does it: with {@code gitops argocd} the
 * unit's Application renders the chart itself (Helm-sourced), so the component emitters describe
 * the release instead of emitting Flux objects.
 *
 * @param source the declaration the release comes from (a component, or a {@code dns} declaration)
 * @param name the release's name
 * @param namespace the namespace the chart is installed into
 * @param repository the chart repository as written: {@code https://…} or {@code oci://REGISTRY/PATH}
 * @param chart the chart's name in the repository
 * @param version the chart's version
 * @param values the values, merged as the HelmRelease would carry them; empty for none
 */
public record ChartRelease(Decl source, String name, String namespace, String repository, String chart, String version,
    Map<String, Object> values) {
  public ChartRelease {
    values = Map.copyOf(values);
  }

  /** Whether the chart lives in an OCI registry ({@code oci://}) rather than a Helm repository. */
  public boolean oci() {
    return repository.startsWith("oci://");
  }
}
