package dev.clusterc.testapiserver;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link WithTestApiServer}: one server per test class, kept in the class's
 * extension store so JUnit closes it when the class is done, even when a test failed.
 */
public final class TestApiServerExtension extends PerClassExtension<TestApiServer> {

  public TestApiServerExtension() {
    super(TestApiServer.class, WithTestApiServer.class.getSimpleName());
  }

  @Override
  TestApiServer create(Class<?> testClass) {
    boolean crds = AnnotationSupport.findAnnotation(testClass, WithTestApiServer.class)
        .map(WithTestApiServer::crds)
        .orElse(true);
    return crds ? new TestApiServer() : TestApiServer.withoutCrds();
  }

  @Override
  void start(TestApiServer server) {
    server.start();
  }

  @Override
  KubernetesClient client(TestApiServer server) {
    return server.client();
  }
}
