package dev.clusterc.cli;

import picocli.CommandLine.IVersionProvider;

/** The one version string, printed by {@code --version} on every command. */
public final class Version implements IVersionProvider {
  /** The release number alone, as the ApplySet's tooling annotation records it. */
  public static final String NUMBER = "0.1.0";
  public static final String TEXT = "clusterc " + NUMBER;

  @Override
  public String[] getVersion() {
    return new String[] {TEXT};
  }
}
