package dev.clusterc.compiler.emit.flux;

import java.util.List;
import java.util.function.Function;

/**
 * Which of a unit's objects gate its health: the ones Flux waits for before the units that depend
 * on it are applied. Every object but a PersistentVolumeClaim: a claim of a
 * {@code WaitForFirstConsumer} class stays {@code Pending} until a pod mounts it, and that pod's
 * unit waits for this one, so waiting for the claim would never end. A unit holding only claims
 * is not gated at all.
 *
 * <p>The Kustomization says it with {@code wait: true} when every object gates, or with
 * {@code healthChecks} listing the gates otherwise (never both); the compile result reports the
 * same gates, so a runtime waits for exactly what Flux would.
 */
public final class HealthGates {
  /** The kind whose readiness depends on a consumer that comes later. */
  private static final String NEVER_GATES = "PersistentVolumeClaim";

  private HealthGates() {}

  /**
   * The gating objects among {@code objects}, in their order; generic in the object type so that
   * it serves trees and the objects tests and runtimes hold alike.
   *
   * @param kind the object's {@code kind}
   */
  public static <T> List<T> of(List<T> objects, Function<T, String> kind) {
    return objects.stream().filter(o -> !NEVER_GATES.equals(kind.apply(o))).toList();
  }
}
