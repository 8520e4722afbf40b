package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.model.Store;
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
    Store store = Store.of(context.program().model(), decl);
    Map<String, Object> block = new LinkedHashMap<>();
    if (store.via().equals("aws") && !store.config().containsKey("service")) {
      block.put("service", "SecretsManager");
    }
    block.putAll(store.config());
    unit.add(context.object(decl, "external-secrets.io/v1", "ClusterSecretStore", decl.name(), null)
        .put("spec", map("provider", map(providerKey(store.via()), block))));
  }

  /** The key of the provider block in {@code spec.provider}. */
  static String providerKey(String via) {
    return via.equals("azure-keyvault") ? "azurekv" : via;
  }
}
