package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code store}: an External Secrets {@code ClusterSecretStore} (external-secrets.io/v1), so that
 * {@code secret … external STORE} can be read in any namespace. {@code config} is the provider block
 * as written, under the provider's key: {@code onepassword} (1Password Connect),
 * {@code azure-keyvault} → {@code azurekv}, {@code vault}, {@code aws} (which gets
 * {@code service: SecretsManager} unless the config names another service).
 */
public final class StoreEmitter implements Emitter {

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    String via = decl.body().sym("via").orElse("vault");
    Map<String, Object> block = new LinkedHashMap<>();
    Map<String, Object> config = config(decl);
    if (via.equals("aws") && !config.containsKey("service")) {
      block.put("service", "SecretsManager");
    }
    block.putAll(config);
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put(providerKey(via), block);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("provider", provider);
    unit.add(context.resource("external-secrets.io/v1", "ClusterSecretStore", context.meta(decl, decl.name(), null), spec));
  }

  /** The key of the provider block in {@code spec.provider}. */
  static String providerKey(String via) {
    return via.equals("azure-keyvault") ? "azurekv" : via;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> config(Decl decl) {
    return decl.body().typed("config", Typed.Entries.class).map(e -> (Map<String, Object>) e.plain()).orElse(Map.of());
  }
}
