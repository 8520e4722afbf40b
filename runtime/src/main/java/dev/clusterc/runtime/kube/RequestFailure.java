package dev.clusterc.runtime.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * A failed request said so a person can act on it: the API server's own message when it answered;
 * otherwise the client's, with the reason the request never got an answer (connection refused, a
 * timeout, TLS), which the client keeps only in the exception's cause.
 */
public final class RequestFailure {
  private RequestFailure() {}

  /** For example {@code Operation: [get] for kind: [Secret] … failed (Connection refused)}. */
  public static String describe(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isBlank()) {
      return e.getStatus().getMessage();
    }
    return withCause(e);
  }

  /** The first line of {@code e}'s message, with its innermost cause when that says something more. */
  public static String withCause(Throwable e) {
    String message = firstLine(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root == e) {
      return message;
    }
    String why = root.getMessage() == null || root.getMessage().isBlank()
        ? root.getClass().getSimpleName() : firstLine(root.getMessage());
    if (message.contains(why)) {
      return message;
    }
    return (message.endsWith(".") ? message.substring(0, message.length() - 1) : message) + " (" + why + ")";
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "the request failed";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline);
  }
}
