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

/**
 * What {@link TestApiServerExtension} and {@link TestClusterExtension} share: one server of type
 * {@code T} per test class, kept in the class's extension store so JUnit closes it when the class
 * is done (even when a test failed), handed to the tests as a {@code T} or its
 * {@code KubernetesClient}, in parameters or static non-final fields.
 */
abstract class PerClassExtension<T extends AutoCloseable>
    implements BeforeAllCallback, ParameterResolver {

  private static final String KEY = "server";

  private final Class<T> type;
  private final String annotation;
  private final Namespace namespace;

  PerClassExtension(Class<T> type, String annotation) {
    this.type = type;
    this.annotation = annotation;
    this.namespace = Namespace.create(getClass());
  }

  /** A new, not yet started server for {@code testClass}. */
  abstract T create(Class<?> testClass);

  abstract void start(T server);

  abstract KubernetesClient client(T server);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    // Store.get also looks in enclosing contexts, so a @Nested class reuses the outer server.
    T server = server(context);
    if (server == null) {
      server = create(context.getRequiredTestClass());
      // stored before start(), so a server that fails half-way is closed too
      context.getStore(namespace).put(KEY, new ClosingResource(server));
      start(server);
    }
    injectStaticFields(context.getRequiredTestClass(), server);
  }

  private void injectStaticFields(Class<?> testClass, T server) throws IllegalAccessException {
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
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
    Class<?> wanted = parameter.getParameter().getType();
    return wanted == KubernetesClient.class || wanted == type;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    T server = server(context);
    if (server == null) {
      throw new ParameterResolutionException("no " + type.getSimpleName() + " for "
          + context.getDisplayName() + ": annotate the test class with @" + annotation);
    }
    return valueFor(parameter.getParameter().getType(), server);
  }

  private Object valueFor(Class<?> wanted, T server) {
    if (wanted == KubernetesClient.class) {
      return client(server);
    }
    if (wanted == type) {
      return server;
    }
    return null;
  }

  private T server(ExtensionContext context) {
    ClosingResource resource = context.getStore(namespace).get(KEY, ClosingResource.class);
    return resource == null ? null : type.cast(resource.server);
  }

  /** Lets JUnit close the server with the class's extension context. */
  private static final class ClosingResource implements ExtensionContext.Store.CloseableResource {
    private final AutoCloseable server;

    ClosingResource(AutoCloseable server) {
      this.server = server;
    }

    @Override
    public void close() throws Exception {
      server.close();
    }
  }
}
