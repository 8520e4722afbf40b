package dev.clusterc.runtime.apply;

/**
 * What the inventory's prune did after a run.
 *
 * @param deleted how many objects it deleted
 * @param failed how many it could not delete (they stay recorded; each was reported KEPT with why), or
 *     1 when the prune or narrow failed as a whole
 */
public record Pruned(int deleted, int failed) {
  /** Nothing pruned, nothing failed. */
  public static final Pruned NONE = new Pruned(0, 0);
}
