package dev.clusterc.cli;

/** The exit statuses of every command, as the language brief fixes them. */
public final class ExitCode {
  /** Done, nothing wrong (warnings allowed). */
  public static final int OK = 0;
  /** The sources have errors, or {@code fmt --check} found files to reformat. */
  public static final int FINDINGS = 1;
  /** Bad usage, unreadable input, or a bug in clusterc: the command could not do its job. */
  public static final int FAILURE = 2;

  private ExitCode() {}
}
