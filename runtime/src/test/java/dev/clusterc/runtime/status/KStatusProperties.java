package dev.clusterc.runtime.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** What holds for every object, whatever its kind and however odd its fields. */
class KStatusProperties {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  private static final List<String> KINDS = List.of("v1/Pod", "v1/Service", "v1/PersistentVolumeClaim",
      "apps/v1/Deployment", "apps/v1/StatefulSet", "apps/v1/DaemonSet", "apps/v1/ReplicaSet", "batch/v1/Job",
      "policy/v1/PodDisruptionBudget", "apiextensions.k8s.io/v1/CustomResourceDefinition", "example.com/v1/Widget");
  private static final List<String> FIELDS = List.of("status", "spec", "metadata", "conditions", "type", "reason",
      "message", "phase", "replicas", "readyReplicas", "updatedReplicas", "availableReplicas", "observedGeneration",
      "generation", "deletionTimestamp", "creationTimestamp", "containerStatuses", "state", "waiting",
      "loadBalancer", "ingress", "updateStrategy", "rollingUpdate", "partition", "desiredNumberScheduled",
      "startTime", "suspend", "progressDeadlineSeconds", "name", "Ready", "Stalled", "True", "False");

  @Property(tries = 300, edgeCases = EdgeCasesMode.FIRST)
  void neverThrowsAndAlwaysSaysSomething(@ForAll("objects") Map<String, Object> object) {
    StatusResult result = KStatus.compute(object, CLOCK);
    assertNotNull(result.status());
    assertFalse(result.reason().isEmpty());
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.FIRST)
  void anObjectBeingDeletedIsTerminating(@ForAll("objects") Map<String, Object> object,
      @ForAll("timestamps") String deletedAt) {
    metadata(object).put("deletionTimestamp", deletedAt);
    assertEquals(Status.TERMINATING, KStatus.compute(object, CLOCK).status());
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.FIRST)
  void anUnobservedGenerationIsInProgress(@ForAll("objects") Map<String, Object> object,
      @ForAll @LongRange(min = 1, max = 1_000) long observed, @ForAll @LongRange(min = 1, max = 5) long behind) {
    metadata(object).remove("deletionTimestamp");
    metadata(object).put("generation", observed + behind);
    section(object, "status").put("observedGeneration", observed);
    StatusResult result = KStatus.compute(object, CLOCK);
    assertEquals(Status.IN_PROGRESS, result.status());
    assertEquals("GenerationNotObserved", result.reason());
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.FIRST)
  void aStalledObjectIsFailed(@ForAll("objects") Map<String, Object> object) {
    metadata(object).remove("deletionTimestamp");
    metadata(object).remove("generation");
    Map<String, Object> status = section(object, "status");
    status.remove("observedGeneration");
    List<Object> conditions = new ArrayList<>();
    conditions.add(Map.of("type", "Stalled", "status", "True", "reason", "Broken", "message", "gave up"));
    status.put("conditions", conditions);
    assertEquals(Status.FAILED, KStatus.compute(object, CLOCK).status());
  }

  /** Made once: building the recursive generator is what takes the time. */
  private static final Arbitrary<Map<String, Object>> SECTIONS =
      Arbitraries.maps(Arbitraries.of(FIELDS), values(2)).ofMaxSize(6);

  @Provide
  Arbitrary<Map<String, Object>> objects() {
    Arbitrary<Map<String, Object>> sections = SECTIONS;
    return Combinators.combine(Arbitraries.of(KINDS), sections, sections, sections).as((kind, metadata, spec, status) -> {
      Map<String, Object> object = new HashMap<>();
      int slash = kind.lastIndexOf('/');
      object.put("apiVersion", kind.substring(0, slash));
      object.put("kind", kind.substring(slash + 1));
      object.put("metadata", new HashMap<>(metadata));
      object.put("spec", new HashMap<>(spec));
      object.put("status", new HashMap<>(status));
      return object;
    });
  }

  @Provide
  Arbitrary<String> timestamps() {
    return Arbitraries.strings().alpha().numeric().withChars(":-").ofMinLength(1).ofMaxLength(25);
  }

  /** Any JSON-like value up to {@code depth} levels deep, of the types the API server sends and a few more. */
  private static Arbitrary<Object> values(int depth) {
    Arbitrary<Object> leaves = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8).map(s -> s),
        Arbitraries.of("True", "False", "Unknown", "Running", "Pending", "Bound", "LoadBalancer", "OnDelete",
            "CrashLoopBackOff", "Unschedulable", "2026-06-01T11:59:50Z").map(s -> s),
        Arbitraries.integers().map(i -> i), Arbitraries.longs().map(l -> l), Arbitraries.doubles().map(d -> d),
        Arbitraries.of(true, false).map(b -> b), Arbitraries.just(null));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<Object> maps = Arbitraries.maps(Arbitraries.of(FIELDS), values(depth - 1)).ofMaxSize(4).map(m -> m);
    Arbitrary<Object> lists = values(depth - 1).list().ofMaxSize(3).map(l -> l);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaves), net.jqwik.api.Tuple.of(2, maps),
        net.jqwik.api.Tuple.of(1, lists));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Map<String, Object> object) {
    return section(object, "metadata");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> object, String name) {
    return (Map<String, Object>) object.get(name);
  }
}
