package dev.clusterc.runtime.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A connection to one cluster, read from a kubeconfig as kubectl reads it, with every request
 * counted. No namespace is needed: every object clusterc sends names its own.
 */
public final class Kube implements AutoCloseable {
  private final KubernetesClient client;
  private final RequestCounter counter;

  private Kube(Config config) {
    this.counter = new RequestCounter();
    this.client = new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("clusterc-count", counter))
        .build();
  }

  /**
   * Connects as kubectl would: the kubeconfig at {@code kubeconfig} when given, else the files of
   * {@code $KUBECONFIG}, else {@code ~/.kube/config}; the context {@code context} when given, else the
   * file's current context.
   *
   * @throws IllegalArgumentException when the given kubeconfig file does not exist
   */
  public static Kube connect(Path kubeconfig, String context) {
    if (kubeconfig == null) {
      return new Kube(Config.autoConfigure(context));
    }
    if (!Files.isRegularFile(kubeconfig)) {
      throw new IllegalArgumentException("kubeconfig " + kubeconfig + " does not exist; pass an existing file "
          + "or leave it out to use $KUBECONFIG or ~/.kube/config");
    }
    return new Kube(Config.fromKubeconfig(context, kubeconfig.toFile()));
  }

  /** Connects with a configuration already made (tests, or a caller that built its own). */
  public static Kube of(Config config) {
    return new Kube(config);
  }

  /** The client; every request it sends is counted. */
  public KubernetesClient client() {
    return client;
  }

  /** The requests sent so far through {@link #client()}. */
  public RequestCounts counts() {
    return counter.snapshot();
  }

  @Override
  public void close() {
    client.close();
  }
}
