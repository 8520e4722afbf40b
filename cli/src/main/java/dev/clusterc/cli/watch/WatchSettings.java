package dev.clusterc.cli.watch;

import dev.clusterc.cli.run.RunSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * What the command line tells a watching apply, besides its source.
 *
 * @param run the connection and how each revision is applied, as for a one-shot apply
 * @param direct apply a cluster that names a GitOps engine directly ({@code --direct})
 * @param resync how often everything managed is listed and compared, to catch what a dropped watch missed
 * @param statusAddress where {@code /healthz}, {@code /readyz}, {@code /metrics}, {@code /status}, {@code /poll} listen
 * @param leaderElect whether only the holder of a Lease reconciles
 * @param leaseNamespace the Lease's namespace
 * @param leaseName the Lease's name; empty for {@code clusterc-CLUSTER}, named once the first revision names the cluster
 * @param logFormat how log lines are written
 */
public record WatchSettings(RunSettings run, boolean direct, Duration resync, InetSocketAddress statusAddress,
    boolean leaderElect, String leaseNamespace, Optional<String> leaseName, WatchLog.Format logFormat) {}
