package dev.clusterc.runtime.status;

import java.util.List;
import java.util.Map;

/** When the built-in kinds other than workloads and Pods are done: Job, claim, Service, CRD, PodDisruptionBudget. */
final class BuiltinRules {
  private BuiltinRules() {}

  /**
   * Job: Current once it has started (as kstatus: a running Job is what was asked for), or completed,
   * or suspended on purpose; Failed when its Failed condition is True.
   */
  static StatusResult job(Map<?, ?> object) {
    long parallelism = Fields.whole(object, 1, "spec", "parallelism");
    long completions = Fields.whole(object, parallelism, "spec", "completions");
    long succeeded = Fields.whole(object, 0, "status", "succeeded");
    long failed = Fields.whole(object, 0, "status", "failed");
    long active = Fields.whole(object, 0, "status", "active");
    for (Condition condition : Condition.of(object)) {
      if (!condition.isTrue()) {
        continue;
      }
      switch (condition.type()) {
        case "Complete":
          return StatusResult.current("complete: " + succeeded + " of " + completions + " succeeded");
        case "Failed":
          return StatusResult.failed(condition.reasonOr("JobFailed"), "failed: " + failed + " of " + completions
              + " pods failed" + (condition.message().isEmpty() ? "" : " (" + condition.message() + ")"));
        case "Suspended":
          if (Fields.bool(object, false, "spec", "suspend")) {
            return StatusResult.current("suspended (spec.suspend is true)");
          }
          break;
        default:
          break;
      }
    }
    if (Fields.string(object, "", "status", "startTime").isEmpty()) {
      return StatusResult.inProgress("JobNotStarted", "not started yet");
    }
    return StatusResult.current("running: " + succeeded + " succeeded, " + active + " active, " + failed + " failed");
  }

  /** PersistentVolumeClaim: Bound to a volume. */
  static StatusResult claim(Map<?, ?> object) {
    String phase = Fields.string(object, "", "status", "phase");
    if (!phase.equals("Bound")) {
      return StatusResult.inProgress("NotBound", "not bound to a volume yet (phase "
          + (phase.isEmpty() ? "not reported" : phase) + ")");
    }
    return StatusResult.current("bound");
  }

  /**
   * Service: Current at once, except a LoadBalancer, which waits until its load balancer has an
   * address (kstatus only waits for a cluster IP; we wait for what clients connect to).
   */
  static StatusResult service(Map<?, ?> object) {
    if (!Fields.string(object, "ClusterIP", "spec", "type").equals("LoadBalancer")) {
      return StatusResult.current("Service in place");
    }
    List<?> ingress = Fields.list(object, "status", "loadBalancer", "ingress");
    if (ingress.isEmpty()) {
      return StatusResult.inProgress("NoLoadBalancerAddress", "LoadBalancer without an address yet (status.loadBalancer.ingress is empty)");
    }
    return StatusResult.current("LoadBalancer has an address");
  }

  /** CustomResourceDefinition: Established; Failed when its names were refused or it cannot be established. */
  static StatusResult crd(Map<?, ?> object) {
    for (Condition condition : Condition.of(object)) {
      if (condition.type().equals("NamesAccepted") && condition.isFalse()) {
        return StatusResult.failed(condition.reasonOr("NamesNotAccepted"), condition.describe());
      }
      if (condition.type().equals("Established")) {
        if (condition.isTrue()) {
          return StatusResult.current("established: its kinds are served");
        }
        if (condition.isFalse() && !condition.reason().equals("Installing")) {
          return StatusResult.failed(condition.reasonOr("NotEstablished"), condition.describe());
        }
      }
    }
    return StatusResult.inProgress("Installing", "not established yet");
  }

  /**
   * PodDisruptionBudget: Current once its controller has observed it (the generic generation rule
   * ran before), as its controller reports nothing else we could wait for.
   */
  static StatusResult disruptionBudget(Map<?, ?> object) {
    return StatusResult.current("allowed disruptions computed");
  }
}
