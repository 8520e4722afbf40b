package dev.clusterc.runtime.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a Pod is done: Ready while running, or finished (succeeded or failed: a finished Pod will
 * not change any more). Failed when a container crash-loops, or when no node would take it for
 * longer than {@link #SCHEDULE_WINDOW} (the scheduler retries, but someone must act).
 */
final class PodRule {
  /** How long a Pod may wait for a node before "unschedulable" counts as Failed. */
  static final Duration SCHEDULE_WINDOW = Duration.ofSeconds(15);

  private PodRule() {}

  static StatusResult pod(Map<?, ?> object, Clock clock) {
    List<Condition> conditions = Condition.of(object);
    String phase = Fields.string(object, "", "status", "phase");
    switch (phase) {
      case "Succeeded":
        return StatusResult.current("finished successfully");
      case "Failed":
        return StatusResult.current("finished, but not successfully (phase Failed)");
      case "Running":
        if (Condition.has(conditions, "Ready", "True")) {
          return StatusResult.current("running and Ready");
        }
        List<String> crashing = crashLooping(object);
        if (!crashing.isEmpty()) {
          return StatusResult.failed("ContainerCrashLooping",
              "container" + (crashing.size() == 1 ? " " : "s ") + String.join(", ", crashing) + " in CrashLoopBackOff");
        }
        return StatusResult.inProgress("PodRunningNotReady", "running, but not Ready");
      case "Pending":
        var unschedulable = conditions.stream()
            .filter(c -> c.type().equals("PodScheduled") && c.isFalse() && c.reason().equals("Unschedulable"))
            .findFirst();
        if (unschedulable.isEmpty()) {
          return StatusResult.inProgress("PodPending", "Pending: scheduled or starting, not running yet");
        }
        String why = unschedulable.get().message().isEmpty() ? "" : ": " + unschedulable.get().message();
        if (createdWithin(object, clock)) {
          return StatusResult.inProgress("PodNotScheduled", "waiting for a node" + why);
        }
        return StatusResult.failed("PodUnschedulable", "no node can take it" + why);
      case "":
        return StatusResult.inProgress("PodNotObserved", "no phase reported yet");
      default:
        return StatusResult.unknown("UnknownPhase", "unknown phase " + phase);
    }
  }

  /** Whether it was created less than the schedule window ago; an unreadable timestamp counts as long ago. */
  private static boolean createdWithin(Map<?, ?> object, Clock clock) {
    String created = Fields.string(object, "", "metadata", "creationTimestamp");
    try {
      return Instant.parse(created).plus(SCHEDULE_WINDOW).isAfter(clock.instant());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static List<String> crashLooping(Map<?, ?> object) {
    List<String> names = new ArrayList<>();
    for (Object entry : Fields.list(object, "status", "containerStatuses")) {
      if (entry instanceof Map<?, ?> container && container.get("name") instanceof String name
          && Fields.string(container, "", "state", "waiting", "reason").equals("CrashLoopBackOff")) {
        names.add(name);
      }
    }
    return names;
  }
}
