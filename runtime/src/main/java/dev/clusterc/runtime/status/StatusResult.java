package dev.clusterc.runtime.status;

import java.util.Objects;

/**
 * The status of one object with why: {@code reason} is a short CamelCase code for tools (e.g.
 * {@code TooFewUpdated}), {@code message} says it for people (e.g. "2 of 3 replicas updated").
 */
public record StatusResult(Status status, String reason, String message) {

  public StatusResult {
    Objects.requireNonNull(status, "status");
    reason = reason == null || reason.isEmpty() ? status.text() : reason;
    message = message == null ? "" : message;
  }

  static StatusResult current(String message) {
    return new StatusResult(Status.CURRENT, "Current", message);
  }

  static StatusResult inProgress(String reason, String message) {
    return new StatusResult(Status.IN_PROGRESS, reason, message);
  }

  static StatusResult failed(String reason, String message) {
    return new StatusResult(Status.FAILED, reason, message);
  }

  /** The object does not exist on the cluster. */
  public static StatusResult notFound() {
    return new StatusResult(Status.NOT_FOUND, "NotFound", "not found on the cluster (yet)");
  }

  /** Its status could not be computed, e.g. the request for it failed; {@code message} says why. */
  public static StatusResult unknown(String reason, String message) {
    return new StatusResult(Status.UNKNOWN, reason, message);
  }

  /** Whether it is {@link Status#CURRENT}. */
  public boolean current() {
    return status == Status.CURRENT;
  }

  /** {@code Status: message}, e.g. {@code InProgress: 2 of 3 replicas updated}. */
  @Override
  public String toString() {
    return message.isEmpty() ? status.text() : status.text() + ": " + message;
  }
}
