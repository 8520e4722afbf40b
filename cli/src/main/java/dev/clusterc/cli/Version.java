package dev.clusterc.cli;

import picocli.CommandLine.IVersionProvider;

/** The one version string, printed by {@code --version} on every command. */
public final class Version implements IVersionProvider {
  public static final String TEXT = "clusterc 0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {TEXT};
  }
}
