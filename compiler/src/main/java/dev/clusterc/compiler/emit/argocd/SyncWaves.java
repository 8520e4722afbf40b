package dev.clusterc.compiler.emit.argocd;

import dev.clusterc.compiler.emit.core.Unit;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync wave of every unit, from the units it depends on ({@link Unit#dependsOn()}, the list the
 * Flux Kustomizations' {@code dependsOn} is made of): a unit that waits for nothing is in wave 0, any
 * other one wave after the latest of the units it waits for. Argo CD syncs the Applications of the
 * root wave by wave, so every unit is applied after everything it depends on.
 */
public final class SyncWaves {
  /** The annotation Argo CD reads a resource's wave from. */
  public static final String ANNOTATION = "argocd.argoproj.io/sync-wave";

  private SyncWaves() {}

  /**
   * The waves of {@code units}, keyed by identity.
   *
   * @param units every unit, in apply order (a unit after all units it depends on), the ladder's
   *     empty barriers included: they have no Application, but their wave orders the layers around them
   */
  public static Map<Unit, Integer> of(List<Unit> units) {
    Map<Unit, Integer> waves = new IdentityHashMap<>();
    for (Unit unit : units) {
      int wave = 0;
      for (Unit dependency : unit.dependsOn()) {
        Integer before = waves.get(dependency);
        if (before != null) {
          wave = Math.max(wave, before + 1);
        }
      }
      waves.put(unit, wave);
    }
    return waves;
  }
}
