package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code component} as it is deployed, with its {@code use NAME { … }} folded in: the namespace
 * its objects live in, its chart, the Helm values it is released with, and the capabilities it
 * provides. Emitters and checkers read this instead of the component's entries.
 *
 * @param namespace its {@code namespace}, else the component's name
 * @param chart the chart, with the {@code use}'s {@code version} over the component's; empty for a
 *     component without a complete {@code chart} entry (one that only {@code provides})
 * @param values the component's {@code values} with the {@code use}'s merged over them ({@link Values#merge})
 * @param provides the capabilities in {@code provides}, such as {@code gateway-class:cilium}
 */
public record Component(Decl decl, String namespace, Optional<Chart> chart, Map<String, Object> values, List<String> provides) {

  /**
   * A chart and where it comes from.
   *
   * @param repository an {@code https://} Helm repository or an {@code oci://} registry, as written
   */
  public record Chart(String repository, String chart, String version) {
    /** Whether the chart lives in an OCI registry rather than a Helm repository. */
    public boolean oci() {
      return repository.startsWith("oci://");
    }

    /** The OCI artifact of the chart: {@code oci://REGISTRY/PATH/CHART}. */
    public String ociUrl() {
      String base = repository;
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      return base + "/" + chart;
    }
  }

  public static Component of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Component.class, Component::lower);
  }

  public String name() {
    return decl.name();
  }

  private static Component lower(Decl decl) {
    BoundBlock body = decl.body();
    if (body == null) {
      return new Component(decl, decl.name(), Optional.empty(), Map.of(), List.of());
    }
    String namespace = body.sym("namespace").orElse(decl.name());
    Map<String, Object> values = plainValues(body);
    BoundBlock use = decl.useBody();
    if (use != null) {
      values = Values.merge(values, plainValues(use));
    }
    return new Component(decl, namespace, chart(decl), values, capabilities(body));
  }

  private static Optional<Chart> chart(Decl decl) {
    Optional<BoundEntry> entry = decl.body().first("chart");
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> repository = entry.get().str("repository");
    Optional<String> chart = entry.get().str("chart");
    Optional<String> version = Optional.ofNullable(decl.useBody()).flatMap(use -> use.str("version"))
        .or(() -> entry.get().str("version"));
    if (repository.isEmpty() || chart.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Chart(repository.get(), chart.get(), version.get()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plainValues(BoundBlock block) {
    return block.typed("values", Typed.Entries.class).map(v -> (Map<String, Object>) v.plain()).orElseGet(LinkedHashMap::new);
  }

  private static List<String> capabilities(BoundBlock body) {
    return body.typed("provides", Typed.Items.class)
        .map(items -> items.items().stream().filter(Typed.Str.class::isInstance).map(s -> ((Typed.Str) s).value()).toList())
        .orElse(List.of());
  }
}
