package dev.clusterc.compiler.emit.secret;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.files.SecretFile;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.rules.SecretUsers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code secret}: the Secret where its users read it, never a value.
 *
 * <ul>
 *   <li>{@code sops PATH} / {@code sealed PATH}: the file (a SOPS-encrypted Secret that Flux
 *   decrypts, or a SealedSecret) is included as it is, as {@code NAME.sops.yaml} /
 *   {@code NAME.sealed.yaml}, in every namespace where it is needed ({@link SecretUsers}), in the
 *   unit of the first user needing it there, so that it is applied with what reads it. A file that
 *   names its namespace is included as it is, and must name the one where it is read; a file that
 *   names none goes to a directory per namespace whose kustomization sets it (Flux does not check
 *   the SOPS MAC of resources, so kustomize may add the namespace). A secret nobody uses keeps a
 *   file that names its namespace in its own unit, and has nowhere to go otherwise. The file is the
 *   one analysis read and checked ({@link dev.clusterc.compiler.files.ReferencedFiles}): its bytes
 *   travel in the unit, and the file is not opened again.</li>
 *   <li>{@code external STORE key K}: an {@code ExternalSecret} (external-secrets.io/v1) named after
 *   the secret in every namespace where it is needed, in the unit of the first user needing it there,
 *   reading {@code K} from the ClusterSecretStore {@code STORE}: one {@code data} item per
 *   {@code keys} entry (remote property = key), or all of {@code K}'s properties
 *   ({@code dataFrom.extract}) when {@code keys} is empty. A secret nobody uses has no namespace and
 *   emits nothing.</li>
 * </ul>
 *
 * <p>When a user has no unit (the compiler did not register one), the object goes into the secret's
 * own unit instead and the fact is recorded in {@link #fallbacks()}.
 */
public final class SecretEmitter implements Emitter {
  /** A user whose unit was missing, so the secret's object went to the secret's own unit. */
  public record Fallback(Decl secret, Decl user) {
    public String message() {
      return secret.label() + ": " + user.label() + " has no unit yet, so its Secret is in the unit of " + secret.label();
    }
  }

  private final List<Fallback> fallbacks = new ArrayList<>();

  /** The fallbacks so far, in emitting order. */
  public List<Fallback> fallbacks() {
    return Collections.unmodifiableList(fallbacks);
  }

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    if (decl.body().first("sops").isPresent() || decl.body().first("sealed").isPresent()) {
      context.program().files().secret(decl).ifPresent(file -> includeFile(decl, file, context, unit));
      return;
    }
    decl.body().first("external").ifPresent(external -> externalSecrets(decl, external, context, unit));
  }

  private void includeFile(Decl decl, SecretFile file, EmitContext context, Unit own) {
    boolean sops = decl.body().first("sops").isPresent();
    String fileName = decl.name() + (sops ? ".sops.yaml" : ".sealed.yaml");
    List<SecretUsers.Placement> placements = SecretUsers.placements(context.program().model(), new Namespaces(context.program().model()), decl);
    if (placements.isEmpty() && file.namespace() != null) {
      own.include(fileName, file.path(), file.bytes(), sops, null);
    }
    for (SecretUsers.Placement placement : placements) {
      unitOf(decl, placement.user(), context, own)
          .include(fileName, file.path(), file.bytes(), sops, file.namespace() == null ? placement.namespace() : null);
    }
  }

  private void externalSecrets(Decl decl, BoundEntry external, EmitContext context, Unit own) {
    String store = external.ref("store").map(Decl::name).orElse(external.str("store").orElse(""));
    String key = external.str("key").orElse(decl.name());
    for (SecretUsers.Placement placement : SecretUsers.placements(context.program().model(), new Namespaces(context.program().model()), decl)) {
      Map<String, Object> spec = new LinkedHashMap<>();
      Map<String, Object> storeRef = new LinkedHashMap<>();
      storeRef.put("name", store);
      storeRef.put("kind", "ClusterSecretStore");
      spec.put("secretStoreRef", storeRef);
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("name", decl.name());
      target.put("creationPolicy", "Owner");
      spec.put("target", target);
      List<String> keys = keys(decl);
      if (keys.isEmpty()) {
        spec.put("dataFrom", List.of(Map.of("extract", Map.of("key", key))));
      } else {
        spec.put("data", keys.stream().map(k -> data(k, key)).toList());
      }
      unitOf(decl, placement.user(), context, own).add(context.resource("external-secrets.io/v1", "ExternalSecret",
          context.meta(decl, decl.name(), placement.namespace()), spec));
    }
  }

  private static Map<String, Object> data(String secretKey, String remoteKey) {
    Map<String, Object> remoteRef = new LinkedHashMap<>();
    remoteRef.put("key", remoteKey);
    remoteRef.put("property", secretKey);
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("secretKey", secretKey);
    item.put("remoteRef", remoteRef);
    return item;
  }

  private Unit unitOf(Decl secret, Decl user, EmitContext context, Unit own) {
    return context.unit(user).orElseGet(() -> {
      fallbacks.add(new Fallback(secret, user));
      return own;
    });
  }

  /** The secret's {@code keys}, in source order. */
  public static List<String> keys(Decl secret) {
    return secret.body().typed("keys", Typed.Items.class)
        .map(items -> items.items().stream().filter(Typed.Str.class::isInstance).map(s -> ((Typed.Str) s).value()).toList())
        .orElse(List.of());
  }
}
