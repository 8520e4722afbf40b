package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.function.Function;

/**
 * What Longhorn needs of a {@code backup … via longhorn} policy, shared by the check
 * ({@code backup-via}) and the emitters.
 *
 * <p>Longhorn backs up only its own volumes: a volume is Longhorn's when its {@code class} is
 * {@code longhorn}, or is a class {@code X} that a component providing {@code longhorn} also
 * provides as {@code storage-class:X}. A volume without a class gets the cluster's default class,
 * which the sources do not say; it is not taken to be Longhorn's.
 *
 * <p>Longhorn reads an object store's credentials from its secret by fixed key names
 * ({@link #secretKeys(BackupTarget)}), and its webhook limits a job name to 40 characters and a
 * group name to {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}.
 */
public final class LonghornBackups {
  /** The capability of the Longhorn component. */
  public static final String CAPABILITY = "longhorn";
  /** Where Longhorn runs when no component in use says otherwise (its chart's namespace). */
  public static final String DEFAULT_NAMESPACE = "longhorn-system";
  /** The longest RecurringJob name Longhorn accepts. */
  public static final int MAX_JOB_NAME = 40;
  /** The most backups one job may keep (Longhorn's {@code recurring-job-max-retention} default). */
  public static final long MAX_RETAIN = 100;
  /** The schemes Longhorn can back up to. */
  public static final List<String> SCHEMES = List.of("nfs", "s3", "azure");

  private LonghornBackups() {}

  /** Whether volumes of {@code storageClass} are Longhorn volumes. */
  public static boolean isLonghornClass(ClusterModel model, String storageClass) {
    if (storageClass == null) {
      return false;
    }
    if (storageClass.equals(CAPABILITY)) {
      return true;
    }
    for (Decl provider : model.providers("storage-class:" + storageClass)) {
      if (Component.of(model, provider).provides().contains(CAPABILITY)) {
        return true;
      }
    }
    return false;
  }

  /** The namespace of the component that provides Longhorn, else {@link #DEFAULT_NAMESPACE}. */
  public static String namespace(ClusterModel model, Function<Decl, String> namespaceOf) {
    return model.providers(CAPABILITY).stream().findFirst().map(namespaceOf).orElse(DEFAULT_NAMESPACE);
  }

  /** The key names Longhorn reads from the credentials secret of a target; none for NFS. */
  public static List<String> secretKeys(BackupTarget target) {
    return switch (target.scheme()) {
      case "s3" -> target.endpoint() != null
          ? List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINTS")
          : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
      case "azure" -> List.of("AZBLOB_ACCOUNT_NAME", "AZBLOB_ACCOUNT_KEY");
      default -> List.of();
    };
  }

  /** The Longhorn policies, in source order. */
  public static List<Backup> policies(ClusterModel model) {
    return model.decls(Kind.BACKUP).stream().map(d -> Backup.of(model, d))
        .filter(b -> b.via() == Backup.Via.LONGHORN).toList();
  }
}
