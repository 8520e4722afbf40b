package dev.clusterc.cli.run;

/** The cluster of the kubeconfig cannot be reached (no route, refused, TLS or credentials): exit 3. */
public final class ClusterUnreachableException extends RuntimeException {
  public ClusterUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
