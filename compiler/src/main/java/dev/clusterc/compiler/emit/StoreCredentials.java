package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Store;
import dev.clusterc.compiler.rules.StoreKeySelectors;
import dev.clusterc.compiler.schema.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Secrets a {@code store}'s {@code config} reads its own credentials from: External Secrets
 * names them with key selectors ({@code { name, key, namespace }}), and they cannot come from the
 * store itself, so unless a {@code secret} of that name is declared they must exist before the
 * store works — a step by hand that {@code compile} lists ({@link NextSteps}). A declared one is
 * emitted where the store reads it, since {@link dev.clusterc.compiler.rules.SecretUsers} counts the
 * store as its reader.
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
    Map<String, StoreCredentials> found = new LinkedHashMap<>();
    for (Decl decl : model.decls(Kind.STORE)) {
      if (decl.body() == null) {
        continue;
      }
      Store store = Store.of(model, decl);
      for (StoreKeySelectors.Selector selector : StoreKeySelectors.of(model, store)) {
        if (declared.contains(selector.name())) {
          continue;
        }
        found.computeIfAbsent(store.name() + "\0" + selector.namespace() + "\0" + selector.name(),
            k -> new StoreCredentials(store.name(), selector.namespace(), selector.name(), new TreeSet<>()))
            .keys().add(selector.key());
      }
    }
    return List.copyOf(found.values());
  }

  /** {@code kubectl create secret generic} with one placeholder literal per key. */
  String command() {
    StringBuilder out = new StringBuilder("kubectl create secret generic " + name + " --namespace=" + namespace);
    keys.forEach(k -> out.append(" --from-literal=").append(k).append("=…"));
    return out.toString();
  }
}
