package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Store;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Secrets a {@code store}'s {@code config} reads its own credentials from: External Secrets
 * names them with key selectors ({@code { name, key, namespace }}), and they cannot come from the
 * store itself, so unless a {@code secret} of that name is declared they must exist before the
 * store works — a step by hand that {@code compile} lists ({@link NextSteps}).
 *
 * @param store the store's name
 * @param namespace the Secret's namespace as the selector writes it, else External Secrets'
 * @param name the Secret's name
 * @param keys the keys the store reads from it, sorted
 */
record StoreCredentials(String store, String namespace, String name, Set<String> keys) {

  /** Every Secret the stores read that no declaration provides, in declaration order. */
  static List<StoreCredentials> of(ClusterModel model) {
    Set<String> declared = new TreeSet<>();
    model.decls(Kind.SECRET).forEach(d -> declared.add(d.name()));
    String fallback = model.providers("external-secrets").stream().findFirst()
        .map(new Namespaces(model)::of).orElse("external-secrets");
    Map<String, StoreCredentials> found = new LinkedHashMap<>();
    for (Decl decl : model.decls(Kind.STORE)) {
      if (decl.body() == null) {
        continue;
      }
      Store store = Store.of(model, decl);
      List<Map<?, ?>> selectors = new ArrayList<>();
      selectors(store.config(), selectors);
      for (Map<?, ?> selector : selectors) {
        String name = (String) selector.get("name");
        if (declared.contains(name)) {
          continue;
        }
        String namespace = selector.get("namespace") instanceof String ns ? ns : fallback;
        found.computeIfAbsent(store.name() + "\0" + namespace + "\0" + name,
            k -> new StoreCredentials(store.name(), namespace, name, new TreeSet<>())).keys().add((String) selector.get("key"));
      }
    }
    return List.copyOf(found.values());
  }

  /** The maps below {@code value} holding a text {@code name} and a text {@code key}: key selectors. */
  private static void selectors(Object value, List<Map<?, ?>> out) {
    if (value instanceof Map<?, ?> map) {
      if (map.get("name") instanceof String && map.get("key") instanceof String) {
        out.add(map);
        return;
      }
      map.values().forEach(v -> selectors(v, out));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> selectors(v, out));
    }
  }

  /** {@code kubectl create secret generic} with one placeholder literal per key. */
  String command() {
    StringBuilder out = new StringBuilder("kubectl create secret generic " + name + " --namespace=" + namespace);
    keys.forEach(k -> out.append(" --from-literal=").append(k).append("=…"));
    return out.toString();
  }
}
