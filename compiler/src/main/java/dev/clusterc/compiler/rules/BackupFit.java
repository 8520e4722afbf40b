package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.schema.Kind;
import java.util.Optional;

/**
 * Whether a backup policy can back one volume or database, by the rules that look at the pair
 * rather than at the policy alone: the checks report a misfit ({@code backup-via},
 * {@code invalid-value}), and the fix "add {@code backup POLICY}" offers only a policy that fits,
 * so that applying it brings no new error.
 *
 * <ul>
 *   <li>a {@code via longhorn} policy backs only a Longhorn volume: not a {@code local} directory,
 *   not a volume without {@code class}, not one of a class Longhorn does not provide
 *   ({@link LonghornBackups#isLonghornClass});</li>
 *   <li>a database archives to object storage only (CloudNativePG's Barman): a policy with an
 *   {@code nfs://} target backs no database.</li>
 * </ul>
 */
public final class BackupFit {
  /** Why a Longhorn policy cannot back a volume. */
  public enum LonghornMisfit {
    /** The volume is a directory on one node. */
    LOCAL,
    /** The volume names no class, so it may not be Longhorn's. */
    NO_CLASS,
    /** The volume's class is not one Longhorn provides. */
    OTHER_CLASS
  }

  private BackupFit() {}

  /** Why a {@code via longhorn} policy cannot back {@code volume}; empty when it can. */
  public static Optional<LonghornMisfit> longhornMisfit(ClusterModel model, Volume volume) {
    if (volume.isLocal()) {
      return Optional.of(LonghornMisfit.LOCAL);
    }
    if (volume.storageClass() == null) {
      return Optional.of(LonghornMisfit.NO_CLASS);
    }
    if (!LonghornBackups.isLonghornClass(model, volume.storageClass())) {
      return Optional.of(LonghornMisfit.OTHER_CLASS);
    }
    return Optional.empty();
  }

  /** Whether a database can archive to {@code target}: any target but an {@code nfs://} share. */
  public static boolean archivesTo(BackupTarget target) {
    return target == null || !target.text().startsWith("nfs://");
  }

  /** Whether {@code policy} can back {@code decl} (a volume or a database) by the rules above. */
  public static boolean fits(ClusterModel model, Decl decl, Decl policy) {
    Backup backup = Backup.of(model, policy);
    if (decl.kind() == Kind.VOLUME) {
      return backup.via() != Backup.Via.LONGHORN || longhornMisfit(model, Volume.of(model, decl)).isEmpty();
    }
    return decl.kind() != Kind.DATABASE || archivesTo(backup.target());
  }
}
