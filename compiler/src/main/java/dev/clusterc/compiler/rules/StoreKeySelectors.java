package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Secrets a {@code store}'s {@code config} reads its own credentials from. External Secrets
 * names them with key selectors ({@code { name, key, namespace }}) anywhere in the provider's
 * settings; a selector without {@code namespace} reads External Secrets' own namespace. Both the
 * next step that asks for such a Secret by hand and {@link SecretUsers}, which counts the store
 * as a reader of a declared one, read the selectors here, so they agree on name and namespace.
 */
public final class StoreKeySelectors {
  /**
   * One key selector.
   *
   * @param name the Secret's name
   * @param key the key read from it
   * @param namespace the namespace as written, else External Secrets' namespace
   */
  public record Selector(String name, String key, String namespace) {}

  private StoreKeySelectors() {}

  /** The store's key selectors, in the order written. */
  public static List<Selector> of(ClusterModel model, Store store) {
    String fallback = model.providers("external-secrets").stream().findFirst()
        .map(new Namespaces(model)::of).orElse("external-secrets");
    List<Map<?, ?>> maps = new ArrayList<>();
    collect(store.config(), maps);
    return maps.stream().map(m -> new Selector((String) m.get("name"), (String) m.get("key"),
        m.get("namespace") instanceof String ns ? ns : fallback)).toList();
  }

  /** The maps below {@code value} holding a text {@code name} and a text {@code key}: key selectors. */
  private static void collect(Object value, List<Map<?, ?>> out) {
    if (value instanceof Map<?, ?> map) {
      if (map.get("name") instanceof String && map.get("key") instanceof String) {
        out.add(map);
        return;
      }
      map.values().forEach(v -> collect(v, out));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, out));
    }
  }
}
