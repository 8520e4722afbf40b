package dev.clusterc.runtime.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Computes the {@link Status} of one object as read from the cluster: a port of the rules of
 * kstatus ({@code sigs.k8s.io/cli-utils/pkg/kstatus/status}), so "healthy" means here what it means
 * to Flux and kpt. Pure: no requests; the clock only dates a Pod's wait for a node.
 *
 * <p>The order: rules every object shares (deletion, observed generation, the standard
 * {@code Reconciling} and {@code Stalled} conditions), then the rule of its kind when it has one,
 * then a {@code Ready} condition, and otherwise Current (a custom resource whose controller reports
 * nothing we understand is taken as done). docs/health.md says the same per kind.
 */
public final class KStatus {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The rule of each kind with one, keyed by {@code group/Kind} ({@code Kind} for the core group). */
  private static final Map<String, BiFunction<Map<?, ?>, Clock, StatusResult>> RULES = Map.ofEntries(
      Map.entry("apps/Deployment", (o, c) -> WorkloadRules.deployment(o)),
      Map.entry("extensions/Deployment", (o, c) -> WorkloadRules.deployment(o)),
      Map.entry("apps/StatefulSet", (o, c) -> WorkloadRules.statefulSet(o)),
      Map.entry("apps/DaemonSet", (o, c) -> WorkloadRules.daemonSet(o)),
      Map.entry("extensions/DaemonSet", (o, c) -> WorkloadRules.daemonSet(o)),
      Map.entry("apps/ReplicaSet", (o, c) -> WorkloadRules.replicaSet(o)),
      Map.entry("extensions/ReplicaSet", (o, c) -> WorkloadRules.replicaSet(o)),
      Map.entry("Pod", PodRule::pod),
      Map.entry("batch/Job", (o, c) -> BuiltinRules.job(o)),
      Map.entry("PersistentVolumeClaim", (o, c) -> BuiltinRules.claim(o)),
      Map.entry("Service", (o, c) -> BuiltinRules.service(o)),
      Map.entry("apiextensions.k8s.io/CustomResourceDefinition", (o, c) -> BuiltinRules.crd(o)),
      Map.entry("policy/PodDisruptionBudget", (o, c) -> BuiltinRules.disruptionBudget(o)));

  /**
   * The suffix of Flux's API groups ({@code source.toolkit.fluxcd.io/}, {@code kustomize.…}): its
   * controllers always report a Ready condition, so one without it is not reconciled yet rather than
   * done (kstatus's default for a custom resource).
   */
  private static final String FLUX_GROUPS = ".toolkit.fluxcd.io/";

  private KStatus() {}

  /** The status of {@code object}, a whole object (metadata, spec and status) as the API server sends it. */
  public static StatusResult compute(Map<String, Object> object, Clock clock) {
    StatusResult generic = generic(object);
    if (generic != null) {
      return generic;
    }
    var rule = RULES.get(ruleKey(object));
    if (rule != null) {
      return rule.apply(object, clock);
    }
    StatusResult ready = readyCondition(Condition.of(object));
    if (ready == null && ruleKey(object).contains(FLUX_GROUPS)) {
      return StatusResult.inProgress("NotReconciled", "Flux has not reported it Ready yet (is Flux running?)");
    }
    return ready != null ? ready : StatusResult.current("no conditions that say otherwise");
  }

  /** The status of {@code object}; see {@link #compute(Map, Clock)}. */
  @SuppressWarnings("unchecked")
  public static StatusResult compute(GenericKubernetesResource object, Clock clock) {
    return compute((Map<String, Object>) SERIALIZATION.convertValue(object, Map.class), clock);
  }

  /** Rules that hold for every kind; null when they decide nothing. */
  private static StatusResult generic(Map<?, ?> object) {
    if (!Fields.string(object, "", "metadata", "deletionTimestamp").isEmpty()) {
      return new StatusResult(Status.TERMINATING, "Deleting", "being deleted (it has a deletionTimestamp)");
    }
    Long generation = Fields.whole(object, "metadata", "generation");
    Long observed = Fields.whole(object, "status", "observedGeneration");
    if (generation != null && observed != null && observed < 0) {
      return StatusResult.inProgress("NotReconciled", "not reconciled by its controller yet (is it running?)");
    }
    if (generation != null && observed != null && !generation.equals(observed)) {
      return StatusResult.inProgress("GenerationNotObserved", "observedGeneration " + observed
          + " behind generation " + generation + ": its controller has not seen the latest change yet");
    }
    for (Condition condition : Condition.of(object)) {
      if (condition.type().equals("Reconciling") && condition.isTrue()) {
        return StatusResult.inProgress(condition.reasonOr("Reconciling"), condition.describe());
      }
      if (condition.type().equals("Stalled") && condition.isTrue()) {
        return StatusResult.failed(condition.reasonOr("Stalled"), condition.describe());
      }
    }
    return null;
  }

  /** What a {@code Ready} condition says; null without one (or with a status other than True/False/Unknown). */
  static StatusResult readyCondition(List<Condition> conditions) {
    for (Condition condition : conditions) {
      if (!condition.type().equals("Ready")) {
        continue;
      }
      switch (condition.status()) {
        case "True":
          return StatusResult.current("condition Ready=True");
        case "False":
        case "Unknown":
          return StatusResult.inProgress(condition.reasonOr("NotReady"), condition.describe());
        default:
          break;
      }
    }
    return null;
  }

  private static String ruleKey(Map<?, ?> object) {
    String kind = Fields.string(object, "", "kind");
    String apiVersion = Fields.string(object, "", "apiVersion");
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? kind : apiVersion.substring(0, slash) + "/" + kind;
  }
}
