package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.kube.ObjectChange;
import dev.clusterc.runtime.model.Change;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an apply did, for the exit code and the closing line.
 *
 * @param changes what was done to each object applied (or found unchanged), in the order it was done
 * @param failed the units that failed, with why, in the order they failed
 * @param skipped the units not started, with why
 * @param pruned how many objects the inventory pruned
 * @param pruneFailures how many it failed to prune (they stay recorded), 1 when the prune failed as a whole
 * @param stopped whether the run was cancelled before it ended
 * @param elapsed how long it took
 */
public record RunSummary(List<ObjectChange> changes, Map<String, String> failed, Map<String, String> skipped,
    int pruned, int pruneFailures, boolean stopped, Duration elapsed) {

  public RunSummary {
    changes = List.copyOf(changes);
    failed = Map.copyOf(failed);
    skipped = Map.copyOf(skipped);
  }

  /** How many objects got {@code change}. */
  public int count(Change change) {
    return (int) changes.stream().filter(c -> c.change() == change).count();
  }

  /** Whether every unit was applied and became healthy. */
  public boolean succeeded() {
    return failed.isEmpty() && skipped.isEmpty() && !stopped;
  }

  RunSummary withPruned(Pruned prune) {
    return new RunSummary(changes, failed, skipped, prune.deleted(), prune.failed(), stopped, elapsed);
  }
}
