package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupCredentials;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.rules.BackupSecretKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The restic repository Secret of one volume, complete from declared secrets where the output can
 * say so, and never holding a secret value.
 *
 * <p>VolSync reads every restic setting from the one Secret named by {@code spec.restic.repository}:
 * the repository URL and the password (both mandatory: the controller refuses a Secret without
 * them) and the backend's keys, each copied 1:1 into an environment variable of the mover. Each
 * volume needs a repository of its own (VolSync backs up every volume as host {@code volsync}, path
 * {@code /data}, so two volumes in one repository would prune and restore each other's snapshots),
 * so the Secret is made per volume from two parts: {@code RESTIC_REPOSITORY} (the target plus the
 * volume's name, e.g. {@code s3:https://r2.example.com/backups/homelab/sonarr-config}, and for Azure
 * {@code AZURE_ACCOUNT_NAME}/{@code AZURE_ENDPOINT_SUFFIX} when the target names them), which the
 * sources say, and the password and storage keys ({@link BackupSecretKeys#resticKeys}), which only
 * the policy's {@code credentials} secret holds. How the second part gets in depends on where that
 * secret's value lives:
 * <ul>
 *   <li>{@code external STORE key K}: an ExternalSecret {@code NAME-restic-repository} reads the
 *       same remote key from the same store, each variable from the property the secret declares,
 *       and merges {@code RESTIC_REPOSITORY} in through its template. Nothing is left to do.</li>
 *   <li>{@code sops}/{@code sealed} (a file the compiler can neither decrypt nor rename): a Secret
 *       with {@code RESTIC_REPOSITORY} in {@code stringData}, the annotation
 *       {@code clusterc.dev/secret-keys} listing the keys still to copy as {@code ENV=SECRET/KEY},
 *       and {@code kustomize.toolkit.fluxcd.io/ssa: Merge} so that Flux keeps the copied keys. The
 *       copy is a next step of {@code compile} ({@code NextStep.Kind.RESTIC_KEYS}) with the command
 *       that does it in the cluster; until then the mover does not start, visibly.</li>
 * </ul>
 */
public final class ResticRepository {
  public static final String SECRET_KEYS_ANNOTATION = "clusterc.dev/secret-keys";
  static final String FLUX_SSA_ANNOTATION = "kustomize.toolkit.fluxcd.io/ssa";

  private ResticRepository() {}

  /** {@code NAME-restic-repository}: the Secret that {@code spec.restic.repository} names. */
  public static String name(Volume volume) {
    return volume.name() + "-restic-repository";
  }

  /** The repository Secret, or the ExternalSecret that makes it, for one volume. */
  static KubeObject secret(EmitContext context, Volume volume, Backup backup) {
    BackupTarget target = backup.target();
    BackupCredentials keys = backup.credentials();
    Map<String, Object> settings = settings(volume, target);
    String namespace = context.namespaceOf(volume.decl());
    Map<String, String> copied = BackupSecretKeys.resticKeys(target, keys);
    Secret.External external = external(context, keys);
    if (external != null) {
      KubeObject secret = context.object(volume.decl(), volume.spanOf("backup"), "external-secrets.io/v1", "ExternalSecret",
          name(volume), namespace);
      List<Object> data = new ArrayList<>();
      copied.forEach((env, key) -> data.add(map("secretKey", env, "remoteRef", map("key", external.key(), "property", key))));
      return secret.put("spec", map(
          "secretStoreRef", map("name", external.store(), "kind", "ClusterSecretStore"),
          "target", map("name", name(volume), "creationPolicy", "Owner",
              "template", map("engineVersion", "v2", "mergePolicy", "Merge", "data", settings)),
          "data", data));
    }
    KubeObject secret = context.object(volume.decl(), volume.spanOf("backup"), "v1", "Secret", name(volume), namespace);
    secret.annotations().put(SECRET_KEYS_ANNOTATION, copied.entrySet().stream()
        .map(e -> keys.secret() == null ? e.getKey() : e.getKey() + "=" + keys.secret() + "/" + e.getValue())
        .collect(Collectors.joining(",")));
    secret.annotations().put(FLUX_SSA_ANNOTATION, "Merge");
    return secret.put("stringData", settings).put("type", "Opaque");
  }

  /** What the sources say: the repository, and the Azure account when the target or endpoint names it. */
  private static Map<String, Object> settings(Volume volume, BackupTarget target) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("RESTIC_REPOSITORY", target.resticRepository(volume.name()));
    if (target.scheme().equals("azure") && target.azureAccount() != null) {
      settings.put("AZURE_ACCOUNT_NAME", target.azureAccount());
      if (target.azureEndpointSuffix() != null) {
        settings.put("AZURE_ENDPOINT_SUFFIX", target.azureEndpointSuffix());
      }
    }
    return settings;
  }

  /** The credentials secret's {@code external} source, or {@code null} when it has another (or none). */
  private static Secret.External external(EmitContext context, BackupCredentials keys) {
    if (keys.declaration() == null) {
      return null;
    }
    return Secret.of(context.program().model(), keys.declaration()).source()
        .filter(Secret.External.class::isInstance).map(Secret.External.class::cast).orElse(null);
  }

  /**
   * Whether the volume's repository Secret still needs keys copied by hand: its policy has
   * credentials, and they live in a SOPS or sealed file rather than an external store.
   */
  public static boolean needsCopy(ClusterModel model, Backup backup) {
    BackupCredentials keys = backup.credentials();
    return keys.declaration() != null && Secret.of(model, keys.declaration()).source()
        .filter(s -> !(s instanceof Secret.External)).isPresent();
  }

  /**
   * The command that copies the credentials' keys into the repository Secret of one volume in
   * {@code namespace}, without printing or storing a value: kubectl reads the declared Secret's
   * data (still base64) through a Go template and merges it in as {@code data}.
   */
  public static String copyCommand(Volume volume, Backup backup, String namespace) {
    String fields = BackupSecretKeys.resticKeys(backup.target(), backup.credentials()).entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":\"{{index .data \"" + e.getValue() + "\"}}\"")
        .collect(Collectors.joining(","));
    return "kubectl --namespace=" + namespace + " patch secret " + name(volume) + " --type=merge --patch=\"$(kubectl"
        + " --namespace=" + namespace + " get secret " + backup.credentials().secret()
        + " --output=go-template='{\"data\":{" + fields + "}}')\"";
  }
}
