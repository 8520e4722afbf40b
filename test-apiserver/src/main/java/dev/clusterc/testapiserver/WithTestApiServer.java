package dev.clusterc.testapiserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link TestApiServer} for the annotated test class, before its first test, and stops
 * it after the last; {@code @Nested} classes share their enclosing class's server.
 *
 * <p>The client reaches the tests as a parameter ({@code KubernetesClient} or
 * {@code TestApiServer}) of a test, lifecycle method or constructor, or in a static, non-final
 * field of either type:
 *
 * <pre>{@code
 * @WithTestApiServer
 * class EmitterApplyTest {
 *   static KubernetesClient client;
 *
 *   @Test
 *   void applies(KubernetesClient client) { ... }
 * }
 * }</pre>
 *
 * <p>The annotation carries the JUnit tag {@value #TAG}, so that the fast inner loop
 * ({@code mvn verify -Pfast}) leaves out every test that starts a server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestApiServerExtension.class)
@Tag(WithTestApiServer.TAG)
public @interface WithTestApiServer {
  /** The JUnit tag of tests against a real API server. */
  String TAG = "apiserver";

  /** Whether to install the upstream CRDs (see {@link RepoPaths#crdDirectory()}). */
  boolean crds() default true;
}
