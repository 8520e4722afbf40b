package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.rules.VeleroBackups;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where Velero writes the backups of a {@code backup … via velero} policy: the
 * BackupStorageLocation named after the policy, in Velero's namespace. The Velero chart's own
 * location is switched off in the standard library, so this is the only one, and the policy's
 * Schedule names it ({@link VeleroSchedule}).
 *
 * <ul>
 *   <li>{@code provider}: {@code aws}, {@code azure} or {@code gcp} from the target's scheme
 *       ({@link VeleroBackups#provider(BackupTarget)});</li>
 *   <li>{@code objectStorage}: the bucket (or Azure container) and the prefix under it;</li>
 *   <li>{@code config}: for {@code aws} the region ({@code s3://BUCKET@REGION}, else
 *       {@code us-east-1}) and, with {@code endpoint}, {@code s3Url} and path-style addressing as
 *       S3-compatible services need; for {@code azure} the storage account when the target or the
 *       endpoint names it;</li>
 *   <li>{@code credential}: the key of the credentials secret that holds the credentials file
 *       ({@link VeleroBackups#credentialsKey}); clusterc places that secret in Velero's namespace.</li>
 * </ul>
 */
final class VeleroStorageLocation {
  static final String API_VERSION = "velero.io/v1";

  private VeleroStorageLocation() {}

  static String name(Backup backup) {
    return backup.name();
  }

  static KubeObject location(EmitContext context, Backup backup, String namespace) {
    BackupTarget target = backup.target();
    KubeObject location = context.object(backup.decl(), target.entry(), API_VERSION, "BackupStorageLocation", name(backup),
        namespace);
    return location.put("spec", map(
        "provider", VeleroBackups.provider(target),
        "objectStorage", map("bucket", target.bucket(), "prefix", target.prefix().isEmpty() ? null : target.prefix()),
        "config", config(target),
        "credential", VeleroBackups.credentialsKey(backup.credentials())
            .map(key -> map("name", backup.credentials().secret(), "key", key)).orElse(null)));
  }

  private static Map<String, Object> config(BackupTarget target) {
    Map<String, Object> config = new LinkedHashMap<>();
    if (target.scheme().equals("s3")) {
      config.put("region", target.region() != null ? target.region() : LonghornBackupTarget.DEFAULT_REGION);
      if (target.endpoint() != null) {
        config.put("s3Url", target.endpoint());
        config.put("s3ForcePathStyle", "true");
      }
    } else if (target.scheme().equals("azure") && target.azureAccount() != null) {
      config.put("storageAccount", target.azureAccount());
    }
    return config.isEmpty() ? null : config;
  }
}
