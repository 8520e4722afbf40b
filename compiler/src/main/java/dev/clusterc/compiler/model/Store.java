package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import java.util.Collections;
import java.util.Map;

/**
 * A {@code store}, lowered: the External Secrets provider it reaches through and the provider's
 * settings as plain data, in the order written.
 *
 * @param decl the declaration
 * @param via {@code onepassword}, {@code azure-keyvault}, {@code vault} or {@code aws}; {@code null}
 *     when not written (a checked program has it: it is required)
 * @param config the {@code config} map as plain data, empty when not written
 */
public record Store(Decl decl, String via, Map<String, Object> config) {

  public static Store of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Store.class, Store::lower);
  }

  @SuppressWarnings("unchecked")
  private static Store lower(Decl decl) {
    BoundBlock body = OwnSpans.body(decl);
    Map<String, Object> config = body.typed("config", Typed.Entries.class)
        .map(e -> (Map<String, Object>) e.plain()).orElse(Map.of());
    return new Store(decl, body.sym("via").orElse(null), Collections.unmodifiableMap(config));
  }

  public String name() {
    return decl.name();
  }
}
