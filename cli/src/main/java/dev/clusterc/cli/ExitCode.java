package dev.clusterc.cli;

/**
 * The exit statuses of every command, as the language brief fixes them. {@code plan}, {@code diff}
 * and {@code apply} read 1 as kubectl does: {@code diff} found changes, {@code apply} failed a unit
 * (docs/cli.md lists them per command).
 */
public final class ExitCode {
  /** Done, nothing wrong (warnings allowed). */
  public static final int OK = 0;
  /** The sources have errors, or {@code fmt --check} found files to reformat. */
  public static final int FINDINGS = 1;
  /** Bad usage, unreadable input, or a bug in clusterc: the command could not do its job. */
  public static final int FAILURE = 2;
  /** {@code plan}, {@code diff}, {@code apply}: the cluster of the kubeconfig cannot be reached. */
  public static final int UNREACHABLE = 3;
  /** {@code apply} stopped by Ctrl-C between objects (128 + SIGINT, as shells report it). */
  public static final int STOPPED = 130;

  private ExitCode() {}
}
