package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupCredentials.Role;
import dev.clusterc.compiler.model.BackupCredentials;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.Volume;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The restic repository Secret of one volume, as a template that never holds a secret value.
 *
 * <p>VolSync reads every restic setting from the one Secret named by {@code spec.restic.repository}:
 * the repository URL and the password (both mandatory) and the backend's keys, each taken 1:1 as an
 * environment variable. Kubernetes has no way to make one Secret's keys refer to another's, and each
 * volume needs a repository of its own (VolSync backs up every volume as host {@code volsync}, path
 * {@code /data}, so two volumes in one repository would prune and restore each other's snapshots).
 * So the Secret is split by who knows the value:
 * <ul>
 *   <li>{@code stringData} holds what the sources say and nothing else: {@code RESTIC_REPOSITORY}
 *       (the target plus the volume's name, e.g. {@code s3:https://r2.example.com/backups/homelab/sonarr-config})
 *       and, for Azure, {@code AZURE_ACCOUNT_NAME} and {@code AZURE_ENDPOINT_SUFFIX} when the target names them;</li>
 *   <li>the annotation {@code clusterc.dev/secret-keys} lists the keys still to be filled and where
 *       each comes from, as {@code ENV=SECRET/KEY} separated by commas ({@code RESTIC_PASSWORD=r2-credentials/restic-password});
 *       a key of the credentials secret is recognised by its name ({@link BackupCredentials}), and a
 *       role no declared key matches is listed with its conventional name; a policy without
 *       {@code credentials} (an {@code nfs://} target) lists {@code RESTIC_PASSWORD} alone;</li>
 *   <li>{@code kustomize.toolkit.fluxcd.io/ssa: Merge} tells Flux to keep the keys added in the
 *       cluster (by a person, or by a tool that reads the annotation) while it keeps
 *       {@code RESTIC_REPOSITORY} as the sources say.</li>
 * </ul>
 * Until those keys are added the mover pod does not start ({@code CreateContainerConfigError}:
 * couldn't find key RESTIC_PASSWORD): the gap is visible, and nothing secret is in the output.
 */
final class ResticRepository {
  static final String SECRET_KEYS_ANNOTATION = "clusterc.dev/secret-keys";
  static final String FLUX_SSA_ANNOTATION = "kustomize.toolkit.fluxcd.io/ssa";

  private ResticRepository() {}

  /** {@code NAME-restic-repository}: the Secret that {@code spec.restic.repository} names. */
  static String name(Volume volume) {
    return volume.name() + "-restic-repository";
  }

  static KubeObject secret(EmitContext context, Volume volume, Backup backup) {
    BackupTarget target = backup.target();
    BackupCredentials keys = backup.credentials();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("RESTIC_REPOSITORY", target.resticRepository(volume.name()));
    if (target.scheme().equals("azure") && target.azureAccount() != null) {
      settings.put("AZURE_ACCOUNT_NAME", target.azureAccount());
      if (target.azureEndpointSuffix() != null) {
        settings.put("AZURE_ENDPOINT_SUFFIX", target.azureEndpointSuffix());
      }
    }
    KubeObject secret = context.object(volume.decl(), volume.spanOf("backup"), "v1", "Secret", name(volume),
        context.namespaceOf(volume.decl()));
    secret.annotations().put(SECRET_KEYS_ANNOTATION, secretKeys(target, keys).entrySet().stream()
        .map(e -> keys.secret() == null ? e.getKey() : e.getKey() + "=" + keys.secret() + "/" + e.getValue())
        .collect(Collectors.joining(",")));
    secret.annotations().put(FLUX_SSA_ANNOTATION, "Merge");
    return secret.put("stringData", settings).put("type", "Opaque");
  }

  /** The restic variables that hold secrets, in a fixed order, and the credentials key each is copied from. */
  static Map<String, String> secretKeys(BackupTarget target, BackupCredentials keys) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("RESTIC_PASSWORD", keys.key(Role.RESTIC_PASSWORD));
    switch (target.scheme()) {
      case "s3":
        env.put("AWS_ACCESS_KEY_ID", keys.key(Role.ACCESS_KEY_ID));
        env.put("AWS_SECRET_ACCESS_KEY", keys.key(Role.SECRET_ACCESS_KEY));
        keys.find(Role.REGION).ifPresent(k -> env.put("AWS_DEFAULT_REGION", k));
        break;
      case "azure":
        if (target.azureAccount() == null) {
          env.put("AZURE_ACCOUNT_NAME", keys.key(Role.AZURE_ACCOUNT));
        }
        boolean sas = keys.find(Role.AZURE_SAS).isPresent();
        if (keys.find(Role.AZURE_KEY).isPresent() || !sas) {
          env.put("AZURE_ACCOUNT_KEY", keys.key(Role.AZURE_KEY));
        }
        if (sas) {
          env.put("AZURE_ACCOUNT_SAS", keys.key(Role.AZURE_SAS));
        }
        break;
      case "gs":
        keys.find(Role.GOOGLE_PROJECT).ifPresent(k -> env.put("GOOGLE_PROJECT_ID", k));
        env.put("GOOGLE_APPLICATION_CREDENTIALS", keys.key(Role.GOOGLE_CREDENTIALS));
        break;
      default:
        break;
    }
    return env;
  }
}
