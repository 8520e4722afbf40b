package dev.clusterc.testapiserver;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The JUnit 5 side of {@link WithTestCluster}: one cluster per test class, kept in the class's
 * extension store so JUnit closes it when the class is done, even when a test failed.
 */
public final class TestClusterExtension extends PerClassExtension<TestCluster> {

  public TestClusterExtension() {
    super(TestCluster.class, WithTestCluster.class.getSimpleName());
  }

  @Override
  TestCluster create(Class<?> testClass) {
    return new TestCluster();
  }

  @Override
  void start(TestCluster cluster) {
    cluster.start();
  }

  @Override
  KubernetesClient client(TestCluster cluster) {
    return cluster.client();
  }
}
