package dev.clusterc.cli.watch;

import java.time.Duration;

/** The source cannot be read now (a remote unreachable, credentials refused); try again after {@link #retryIn()}. */
public final class SourceUnavailable extends Exception {
  private final transient Duration retryIn;

  public SourceUnavailable(String message, Duration retryIn, Throwable cause) {
    super(message, cause);
    this.retryIn = retryIn;
  }

  public Duration retryIn() {
    return retryIn;
  }
}
