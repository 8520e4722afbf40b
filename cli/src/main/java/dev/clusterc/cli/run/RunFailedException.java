package dev.clusterc.cli.run;

/** The runtime could not run at all (the API server refused an object, the engine is missing): exit 2, with this message. */
public final class RunFailedException extends RuntimeException {
  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
