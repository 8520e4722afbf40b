package dev.clusterc.cli;

import picocli.CommandLine.Command;

/**
 * {@code clusterc suspend PATH}: sets the suspend flag on the cluster's ApplySet parent, so that
 * {@code apply --watch} (wherever it runs, in the cluster too) applies and heals nothing until
 * {@code clusterc resume}: for a manual intervention.
 */
@Command(name = "suspend", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Suspend a cluster: `apply --watch` applies and heals nothing until `clusterc resume`.",
    footer = {"", "Exit status: 0 suspended, 2 usage, sources without a cluster name, or the cluster has no inventory"
        + " yet (never applied), 3 the cluster cannot be reached."})
public final class SuspendCommand extends SuspensionCommand {
  @Override
  boolean suspends() {
    return true;
  }
}
