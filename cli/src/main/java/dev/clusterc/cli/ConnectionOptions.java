package dev.clusterc.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which cluster a command talks to: a kubeconfig and a context, read as kubectl reads them; without
 * any kubeconfig (in a pod), the pod's service account.
 */
public final class ConnectionOptions {
  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, as kubectl reads them; in a pod"
          + " without either, its service account).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context (default: its current context).")
  String context;
}
