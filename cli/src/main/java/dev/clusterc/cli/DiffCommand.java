package dev.clusterc.cli;

import java.io.IOException;
import picocli.CommandLine.Command;

/**
 * {@code clusterc diff PATH}: the plan, with kubectl's exit convention, for scripts and CI: exit 1
 * when applying would change the cluster.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Show how the live cluster differs from the sources; exit 1 when it does (as kubectl diff).",
    footer = {"", "Exit status: 0 no differences, 1 differences found, 2 errors in the sources, usage or I/O failure,"
        + " 3 the cluster cannot be reached."})
public final class DiffCommand extends PlanCommand {
  @Override
  int run() throws IOException {
    return plan(true);
  }
}
