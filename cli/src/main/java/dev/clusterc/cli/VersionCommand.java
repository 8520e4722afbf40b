package dev.clusterc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clusterc version}: the same line as {@code --version}, for those who type it as a command. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Print the version of clusterc.")
public final class VersionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(Version.TEXT);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
