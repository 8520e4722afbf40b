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
 * Starts one {@link TestCluster} (etcd, kube-apiserver, kube-controller-manager, kube-scheduler
 * and kwok with one fake node) for the annotated test class, before its first test, and stops it
 * after the last; {@code @Nested} classes share their enclosing class's cluster.
 *
 * <p>The cluster reaches the tests as a parameter ({@code TestCluster} or
 * {@code KubernetesClient}) of a test, lifecycle method or constructor, or in a static, non-final
 * field of either type:
 *
 * <pre>{@code
 * @WithTestCluster
 * class RolloutTest {
 *   static TestCluster cluster;
 *
 *   @Test
 *   void rollsOut(KubernetesClient client) {
 *     cluster.createNamespace("rollout");   // waits for its default ServiceAccount
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>The annotation carries the JUnit tag {@value #TAG}, so that the fast inner loop
 * ({@code mvn verify -Pfast}) leaves out every test that starts a cluster.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestClusterExtension.class)
@Tag(WithTestCluster.TAG)
public @interface WithTestCluster {
  /** The JUnit tag of tests against a real test cluster. */
  String TAG = "cluster";
}
