package dev.clusterc.cli.run;

import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.inventory.Risk;
import dev.clusterc.runtime.kube.ApplyFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the command line tells the runtime for one plan or apply.
 *
 * @param kubeconfig the kubeconfig file, or {@code null} for kubectl's rules ({@code KUBECONFIG}, {@code ~/.kube/config})
 * @param context the kubeconfig context, or {@code null} for its current one
 * @param unitTimeout how long one unit may take to become healthy
 * @param parallel how many independent units are applied at once
 * @param forceConflicts take over fields another field manager owns
 * @param force re-create objects whose immutable fields changed (never claims holding data)
 * @param pruneData let prune delete claims, volumes and namespaces holding claims
 * @param allowDisruption let apply lower a database's instances or move a load-balancer or gateway address
 * @param keepGoing after a unit fails, go on with the units that do not depend on it (default: fail-fast)
 */
public record RunSettings(Path kubeconfig, String context, Duration unitTimeout, int parallel, boolean forceConflicts,
    boolean force, boolean pruneData, boolean allowDisruption, boolean keepGoing) {

  /** Settings that only say which cluster: for commands that connect but apply nothing (suspend, resume). */
  public static RunSettings connection(Path kubeconfig, String context) {
    return new RunSettings(kubeconfig, context, ApplyOptions.DEFAULT_UNIT_TIMEOUT, ApplyOptions.DEFAULT_PARALLELISM,
        false, false, false, false, false);
  }

  /** How the runtime applies: the flags, the unit timeout, the parallelism, fail-fast or not. */
  public ApplyOptions applyOptions() {
    return ApplyOptions.defaults().withFlags(new ApplyFlags(forceConflicts, force)).withUnitTimeout(unitTimeout)
        .withParallelism(parallel).withKeepGoing(keepGoing);
  }

  /** The consequences the flags allow: data loss with {@code --prune-data}, disruption with {@code --allow-disruption}. */
  public Set<Risk> allowedRisks() {
    Set<Risk> allowed = EnumSet.noneOf(Risk.class);
    if (pruneData) {
      allowed.add(Risk.DATA_LOSS);
    }
    if (allowDisruption) {
      allowed.add(Risk.FEWER_INSTANCES);
      allowed.add(Risk.ADDRESS_MOVES);
    }
    return allowed;
  }
}
