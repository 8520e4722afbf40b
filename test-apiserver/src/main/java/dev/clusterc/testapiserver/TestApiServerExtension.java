package dev.clusterc.testapiserver;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link WithTestApiServer}: one server per test class, kept in the class's
 * extension store so JUnit closes it when the class is done, even when a test failed.
 */
public final class TestApiServerExtension implements BeforeAllCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(TestApiServerExtension.class);
  private static final String KEY = "server";

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    // Store.get also looks in enclosing contexts, so a @Nested class reuses the outer server.
    TestApiServer server = server(context);
    if (server == null) {
      boolean crds = AnnotationSupport
          .findAnnotation(context.getRequiredTestClass(), WithTestApiServer.class)
          .map(WithTestApiServer::crds)
          .orElse(true);
      server = crds ? new TestApiServer() : TestApiServer.withoutCrds();
      // stored before start(), so a server that fails half-way is closed too
      context.getStore(NAMESPACE).put(KEY, new ClosingResource(server));
      server.start();
    }
    injectStaticFields(context.getRequiredTestClass(), server);
  }

  private static void injectStaticFields(Class<?> testClass, TestApiServer server)
      throws IllegalAccessException {
    for (Class<?> type = testClass; type != null && type != Object.class;
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
          continue;
        }
        Object value = valueFor(field.getType(), server);
        if (value != null) {
          field.setAccessible(true);
          field.set(null, value);
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class || type == TestApiServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestApiServer server = server(context);
    if (server == null) {
      throw new ParameterResolutionException("no test API server for "
          + context.getDisplayName() + ": annotate the test class with @WithTestApiServer");
    }
    return valueFor(parameter.getParameter().getType(), server);
  }

  private static Object valueFor(Class<?> type, TestApiServer server) {
    if (type == KubernetesClient.class) {
      return server.client();
    }
    if (type == TestApiServer.class) {
      return server;
    }
    return null;
  }

  private static TestApiServer server(ExtensionContext context) {
    ClosingResource resource = context.getStore(NAMESPACE).get(KEY, ClosingResource.class);
    return resource == null ? null : resource.server;
  }

  /** Lets JUnit close the server with the class's extension context. */
  private static final class ClosingResource implements ExtensionContext.Store.CloseableResource {
    private final TestApiServer server;

    ClosingResource(TestApiServer server) {
      this.server = server;
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
