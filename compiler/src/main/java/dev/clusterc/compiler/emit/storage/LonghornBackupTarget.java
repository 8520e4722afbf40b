package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupTarget;

/**
 * Where Longhorn writes the backups of a {@code backup … via longhorn} policy: the BackupTarget
 * {@code default} in Longhorn's namespace. Since Longhorn 1.8 the target is this custom resource
 * (the {@code backup-target} setting of earlier versions is gone); longhorn-manager creates
 * {@code default} empty at start, and the one applied here fills it in. Volumes back up to
 * {@code default} unless they name another target, so one cluster has one Longhorn target
 * ({@code backup-via} reports two policies that disagree).
 *
 * <p>The URL is written in Longhorn's notation ({@link #url(BackupTarget)}); an object store's
 * {@code credentialSecret} is the policy's {@code credentials} secret, which clusterc already places
 * in Longhorn's namespace (its keys must be Longhorn's names, which {@code backup-via} checks).
 */
final class LonghornBackupTarget {
  /** The target every volume backs up to unless it names another. */
  static final String NAME = "default";
  /** How often Longhorn looks for backups written by others (its default). */
  static final String POLL_INTERVAL = "5m0s";
  /** The region of an {@code s3://} target that names none: S3-compatible services ignore it, AWS's default. */
  static final String DEFAULT_REGION = "us-east-1";

  private LonghornBackupTarget() {}

  static KubeObject target(EmitContext context, Backup backup, String namespace) {
    KubeObject target = context.object(backup.decl(), backup.target().entry(), LonghornRecurringJobs.API_VERSION,
        "BackupTarget", NAME, namespace);
    return target.put("spec", map(
        "backupTargetURL", url(backup.target()),
        "credentialSecret", backup.target().nfs() ? null : backup.credentials().secret(),
        "pollInterval", POLL_INTERVAL));
  }

  /**
   * The target as Longhorn reads it: {@code nfs://SERVER:/PATH}, {@code s3://BUCKET@REGION/PREFIX/}
   * (the endpoint of an S3-compatible service goes in the secret, as {@code AWS_ENDPOINTS}), and
   * {@code azblob://CONTAINER@core.windows.net/PREFIX/} (the account in the secret); {@code null}
   * for a scheme Longhorn cannot write to ({@code gs://}), which {@code backup-via} reports.
   */
  static String url(BackupTarget target) {
    String prefix = target.prefix().isEmpty() ? "/" : "/" + target.prefix() + "/";
    return switch (target.scheme()) {
      case "nfs" -> "nfs://" + target.bucket() + ":" + target.prefix();
      case "s3" -> "s3://" + target.bucket() + "@" + (target.region() != null ? target.region() : DEFAULT_REGION) + prefix;
      case "azure" -> "azblob://" + target.bucket() + "@" + azureSuffix(target) + prefix;
      default -> null;
    };
  }

  private static String azureSuffix(BackupTarget target) {
    return target.azureEndpointSuffix() != null ? target.azureEndpointSuffix() : "core.windows.net";
  }
}
