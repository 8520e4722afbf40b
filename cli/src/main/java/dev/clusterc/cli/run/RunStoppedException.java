package dev.clusterc.cli.run;

/** A plan or diff stopped by Ctrl-C before it finished; nothing was written: exit 130, with this message. */
public final class RunStoppedException extends RuntimeException {
  public RunStoppedException(String message, Throwable cause) {
    super(message, cause);
  }
}
