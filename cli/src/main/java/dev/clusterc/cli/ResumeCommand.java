package dev.clusterc.cli;

import picocli.CommandLine.Command;

/**
 * {@code clusterc resume PATH}: removes the suspend flag from the cluster's ApplySet parent; a
 * watching apply then reconciles everything again.
 */
@Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Resume a suspended cluster: `apply --watch` reconciles it fully again.",
    footer = {"", "Exit status: 0 resumed, 2 usage, sources without a cluster name, or the cluster has no inventory"
        + " yet (never applied), 3 the cluster cannot be reached."})
public final class ResumeCommand extends SuspensionCommand {
  @Override
  boolean suspends() {
    return false;
  }
}
