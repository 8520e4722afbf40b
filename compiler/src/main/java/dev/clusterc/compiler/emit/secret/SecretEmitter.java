package dev.clusterc.compiler.emit.secret;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.files.PlainSecret;
import dev.clusterc.compiler.files.SecretFile;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Secret;
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
 *   <li>{@code env-file PATH} (only in a cluster without {@code gitops}): a plain {@code Secret}
 *   with the file's keys and values as {@code stringData}, in every namespace where it is needed,
 *   annotated {@code clusterc.dev/plaintext} so that nobody mistakes it for something to commit.
 *   It is the only object whose values reach the output.</li>
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

  /** Marks the plain Secret of an {@code env-file}: the one object whose values are in the output. */
  public static final String PLAINTEXT_ANNOTATION = "clusterc.dev/plaintext";

  private final List<Fallback> fallbacks = new ArrayList<>();

  /** The fallbacks so far, in emitting order. */
  public List<Fallback> fallbacks() {
    return Collections.unmodifiableList(fallbacks);
  }

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Secret secret = Secret.of(context.program().model(), decl);
    List<SecretUsers.Placement> placements =
        SecretUsers.placements(context.program().model(), new Namespaces(context.program().model()), decl);
    Secret.Source source = secret.source().orElse(null);
    if (source instanceof Secret.External external) {
      externalSecrets(secret, external, placements, context, unit);
    } else if (source instanceof Secret.EnvFile envFile) {
      context.program().files().plain(decl).ifPresent(plain -> plainSecrets(secret, envFile, plain, placements, context, unit));
    } else if (source != null) {
      boolean sops = source instanceof Secret.Sops;
      context.program().files().secret(decl).ifPresent(file -> includeFile(secret, sops, file, placements, context, unit));
    }
  }

  private void includeFile(Secret secret, boolean sops, SecretFile file, List<SecretUsers.Placement> placements,
      EmitContext context, Unit own) {
    String fileName = secret.name() + (sops ? ".sops.yaml" : ".sealed.yaml");
    if (placements.isEmpty() && file.namespace() != null) {
      own.include(fileName, file.path(), file.bytes(), sops, null);
    }
    for (SecretUsers.Placement placement : placements) {
      unitOf(secret.decl(), placement.user(), context, own)
          .include(fileName, file.path(), file.bytes(), sops, file.namespace() == null ? placement.namespace() : null);
    }
  }

  private void externalSecrets(Secret secret, Secret.External external, List<SecretUsers.Placement> placements,
      EmitContext context, Unit own) {
    for (SecretUsers.Placement placement : placements) {
      Map<String, Object> spec = map(
          "secretStoreRef", map("name", external.store(), "kind", "ClusterSecretStore"),
          "target", map("name", secret.name(), "creationPolicy", "Owner"));
      if (secret.keys().isEmpty()) {
        spec.put("dataFrom", List.of(map("extract", map("key", external.key()))));
      } else {
        spec.put("data", secret.keys().stream().map(k -> map("secretKey", k, "remoteRef", map("key", external.key(), "property", k))).toList());
      }
      unitOf(secret.decl(), placement.user(), context, own).add(
          context.object(secret.decl(), "external-secrets.io/v1", "ExternalSecret", secret.name(), placement.namespace())
              .put("spec", spec));
    }
  }

  private void plainSecrets(Secret secret, Secret.EnvFile envFile, PlainSecret plain, List<SecretUsers.Placement> placements,
      EmitContext context, Unit own) {
    for (SecretUsers.Placement placement : placements) {
      KubeObject object = context.object(secret.decl(), "v1", "Secret", secret.name(), placement.namespace());
      object.annotations().put(PLAINTEXT_ANNOTATION, "from " + envFile.path() + "; never commit this file");
      object.put("type", "Opaque").put("stringData", new LinkedHashMap<>(plain.values()));
      unitOf(secret.decl(), placement.user(), context, own).add(object);
    }
  }

  private Unit unitOf(Decl secret, Decl user, EmitContext context, Unit own) {
    return context.unit(user).orElseGet(() -> {
      fallbacks.add(new Fallback(secret, user));
      return own;
    });
  }
}
