package dev.clusterc.cli.run;

import java.nio.file.Path;
import java.time.Duration;

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
    boolean force, boolean pruneData, boolean allowDisruption, boolean keepGoing) {}
