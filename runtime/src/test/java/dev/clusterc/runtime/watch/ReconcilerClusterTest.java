package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.inventory.ApplySetInventory;
import dev.clusterc.runtime.inventory.ApplySetKeys;
import dev.clusterc.runtime.inventory.ApplySetParent;
import dev.clusterc.runtime.inventory.Tooling;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.Manifests;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The reconciler of {@code apply --watch} against a real control plane with controllers and a fake node. */
@WithTestCluster
class ReconcilerClusterTest {
  private static final String VERSION = "0.1.0";
  private static final WatchOptions OPTIONS = WatchOptions.defaults()
      .withTick(Duration.ofMillis(200)).withResync(Duration.ofHours(1));

  static TestCluster cluster;

  // ---- (a), (b), and a restart: only what changed is written, removed objects are pruned

  @Test
  void appliesOnlyWhatChangedPrunesWhatWentAwayAndARestartWritesNoObject() {
    String name = "watch-changes";
    cluster.createNamespace(name);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, OPTIONS, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, Map.of("one", "1", "two", "2", "three", "3")), "r1"));
      WatchEvent.Reconciled first = seen.reconciled("r1", WatchEvent.Reconciled::ok);
      assertEquals(3, first.created());
      assertEquals(Map.of("one", "r1", "two", "r1", "three", "r1"), revisions(name));
      assertEquals("r1", parentRevision(name));
      assertEquals(new WatchStatus("r1", null, null, List.of(), false, 3, true), reconciler.status());
      assertEquals(List.of(new WatchEvent.Managed(3)), seen.of(WatchEvent.Managed.class));

      RequestCounts before = kube.counts();
      reconciler.submit(desired(settings(name, Map.of("one", "1", "two", "22", "three", "3")), "r2"));
      WatchEvent.Reconciled second = seen.reconciled("r2", WatchEvent.Reconciled::ok);
      RequestCounts cost = kube.counts().minus(before);
      assertEquals(1, second.configured(), second::toString);
      assertEquals(2, second.unchanged(), second::toString);
      // the review's dry run, and the apply's own right before its write (part 1's apply); 3 objects planned would be 4
      assertEquals(2, cost.dryRuns(), () -> "only the changed object is planned: " + cost);
      assertEquals(2, cost.writes(), () -> "the changed object and the parent's revision: " + cost);
      assertEquals("22", data(name, "two"));
      assertEquals(Map.of("one", "r1", "two", "r2", "three", "r1"), revisions(name));
      assertEquals("r2", parentRevision(name));

      reconciler.submit(desired(settings(name, Map.of("one", "1", "two", "22")), "r3"));
      WatchEvent.Reconciled third = seen.reconciled("r3", WatchEvent.Reconciled::ok);
      assertEquals(1, third.pruned(), third::toString);
      assertNull(cluster.client().configMaps().inNamespace(name).withName("three").get(), "pruned");
      assertEquals(Map.of("one", "r1", "two", "r2"), revisions(name));
      assertEquals("r3", parentRevision(name));
    }

    // a new process plans every object again; a new revision alone changes none of them
    WatchRecorder again = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler restarted = new Reconciler(kube.client(), VERSION, OPTIONS, again, again)) {
      RequestCounts before = kube.counts();
      restarted.start();
      restarted.submit(desired(settings(name, Map.of("one", "1", "two", "22")), "r4"));
      WatchEvent.Reconciled full = again.reconciled("r4", WatchEvent.Reconciled::ok);
      RequestCounts cost = kube.counts().minus(before);
      assertEquals(2, full.unchanged(), full::toString);
      assertEquals(2, cost.dryRuns(), () -> "a full reconcile plans every object: " + cost);
      assertEquals(1, cost.writes(), () -> "only the parent's revision: " + cost);
      assertEquals(Map.of("one", "r1", "two", "r2"), revisions(name), "each keeps the revision that changed it");
      assertEquals("r4", parentRevision(name));
    }
  }

  // ---- (c) a source that does not check

  @Test
  void aRejectedSourceChangesNothingAndAWarningOnTheParentSaysWhy() {
    String name = "watch-rejected";
    cluster.createNamespace(name);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, OPTIONS, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, Map.of("one", "1")), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);
      String version = cluster.client().configMaps().inNamespace(name).withName("one").get().getMetadata()
          .getResourceVersion();
      RequestCounts before = kube.counts();

      List<String> diagnostics = List.of("home.cluster:3:7: unknown entry replica", "home.cluster:9:1: missing }");
      reconciler.reject("bad1", "file:///src", diagnostics);
      Event event = awaitEvent(seen, name, "SourceRejected", 1);
      assertEquals("Warning", event.getType());
      assertTrue(event.getMessage().contains("bad1") && event.getMessage().contains("unknown entry replica"),
          event::getMessage);
      assertEquals("ConfigMap", event.getInvolvedObject().getKind());
      assertEquals(Kinds.FIELD_MANAGER, event.getSource().getComponent());
      assertEquals(diagnostics, reconciler.status().rejected());
      assertEquals(List.of(new WatchEvent.SourceRejected("bad1", diagnostics)),
          seen.of(WatchEvent.SourceRejected.class));

      reconciler.reject("bad1", "file:///src", diagnostics);
      awaitEvent(seen, name, "SourceRejected", 2);
      assertEquals(1, events(name, "SourceRejected").size(), "the repeat bumps the count of the same Event");

      assertEquals(version, cluster.client().configMaps().inNamespace(name).withName("one").get().getMetadata()
          .getResourceVersion(), "the object was not written");
      assertEquals("r1", parentRevision(name));
      assertEquals(2, kube.counts().minus(before).writes(), "one Event created, then bumped; nothing else");
      assertEquals("r1", reconciler.status().appliedRevision());

      reconciler.submit(desired(settings(name, Map.of("one", "2")), "r2"));
      seen.reconciled("r2", WatchEvent.Reconciled::ok);
      assertEquals(List.of(), reconciler.status().rejected(), "a source that checks again clears the diagnostics");
    }
  }

  // ---- (d) suspend and resume

  @Test
  void nothingIsAppliedWhileSuspendedAndResumingAppliesTheLatest() {
    String name = "watch-suspend";
    cluster.createNamespace(name);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, OPTIONS, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, Map.of("one", "1")), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      Suspension.set(kube.client(), name, true);
      assertTrue(Suspension.of(cluster.client().configMaps().inNamespace(ApplySetParent.NAMESPACE)
          .withName("clusterc-" + name).get()));
      reconciler.submit(desired(settings(name, Map.of("one", "11")), "r2"));
      seen.await(() -> !seen.of(WatchEvent.Suspension.class).isEmpty(), "the suspension noticed");
      assertEquals(new WatchEvent.Suspension(true), seen.of(WatchEvent.Suspension.class).get(0));
      seen.await(() -> reconciler.status().suspended(), "the status says suspended");
      assertEquals("r2", reconciler.status().pendingRevision());
      assertEquals("1", data(name, "one"));

      Suspension.set(kube.client(), name, false);
      seen.reconciled("r2", WatchEvent.Reconciled::ok);
      assertEquals("11", data(name, "one"));
      assertEquals(List.of(new WatchEvent.Suspension(true), new WatchEvent.Suspension(false)),
          seen.of(WatchEvent.Suspension.class));
      int resumed = seen.watch.indexOf(new WatchEvent.Suspension(false));
      int applied = indexOfReconciled(seen, "r2");
      assertTrue(resumed < applied, () -> "r2 was applied only after the resume: " + seen.watch);
      assertFalse(reconciler.status().suspended());
    }
  }

  @Test
  void suspendingAClusterNeverAppliedSaysSo() {
    IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> Suspension.set(cluster.client(), "never-applied", true));
    assertTrue(refused.getMessage().contains("never-applied") && refused.getMessage().contains("apply it once first"),
        refused::getMessage);
  }

  // ---- (e) the API server goes away and comes back

  @Test
  void aReconcileFailingWhileTheApiServerIsDownConvergesOnceItIsBack() {
    String name = "watch-crash";
    cluster.createNamespace(name);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, OPTIONS, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, Map.of("one", "1", "two", "2")), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      cluster.stopApiServer();
      try {
        reconciler.submit(desired(settings(name, Map.of("one", "1", "two", "22")), "r2"));
        WatchEvent.Reconciled failed = seen.reconciled("r2", r -> !r.ok());
        assertNotNull(failed.error());
        WatchStatus status = reconciler.status();
        assertEquals("r1", status.appliedRevision(), "the last good state stays");
        assertEquals("r2", status.pendingRevision());
        assertNotNull(status.lastError());
        assertFalse(status.synced());
      } finally {
        cluster.startApiServer();
      }
      seen.reconciled("r2", WatchEvent.Reconciled::ok);
      assertEquals("22", data(name, "two"));
      assertEquals(Map.of("one", "r1", "two", "r2"), revisions(name));
      assertEquals("r2", parentRevision(name));
      assertTrue(reconciler.status().synced());
      assertNull(reconciler.status().lastError());
    }
  }

  // ---- (f) close during an apply

  @Test
  void closeDuringAnApplyStopsBetweenObjectsAndTheNextStartConverges() {
    String name = "watch-close";
    cluster.createNamespace(name);
    WatchOptions patient = OPTIONS.withApply(ApplyOptions.defaults().withUnitTimeout(Duration.ofMinutes(10)));
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config())) {
      Reconciler reconciler = new Reconciler(kube.client(), VERSION, patient, seen, seen);
      reconciler.start();
      reconciler.submit(desired(rollout(name, true), "r1"));
      seen.await(() -> seen.runs.stream().anyMatch(e -> e instanceof RunEvent.ObjectDone done
          && done.object().kind().equals("Deployment") && done.change() == Change.CREATED), "the Deployment sent");
      reconciler.close();
      assertTrue(reconciler.stoppedCleanly(), "the loop's thread ended within the close wait");
      WatchEvent.Reconciled stopped = seen.reconciled("r1", r -> !r.ok());
      assertEquals("stopped", stopped.error(), "the apply was cancelled, not abandoned");
      assertNull(cluster.client().configMaps().inNamespace(name).withName("after").get(),
          "the unit after the stuck one never started");
      assertNull(reconciler.status().appliedRevision());
    }

    WatchRecorder again = new WatchRecorder();
    UnitGraph fixed = rollout(name, false);
    try (Kube kube = Kube.of(cluster.config());
        Reconciler restarted = new Reconciler(kube.client(), VERSION, patient, again, again)) {
      restarted.start();
      restarted.submit(desired(fixed, "r2"));
      again.reconciled("r2", WatchEvent.Reconciled::ok);
      assertNotNull(cluster.client().configMaps().inNamespace(name).withName("after").get());
      assertEquals(fixed.objectIds(), new ApplySetInventory(kube.client(), name, Tooling.clusterc(VERSION)).read().ids(),
          "the inventory records exactly what is declared");
    }
  }

  // ---- a refused object: reported, retried, never applied in part of the state; a fix is tried at once

  @Test
  void aRefusedRevisionIsRetriedAndReportedOnceAndAFixIsAppliedAtOnce() {
    String name = "watch-refused";
    cluster.createNamespace(name);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, OPTIONS, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, Map.of("one", "1")), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      UnitGraph invalid = settings(name, Map.of("one", "2", "Not_A_Name", "x"));
      reconciler.submit(desired(invalid, "r2"));
      seen.await(() -> seen.of(WatchEvent.Reconciled.class).stream().filter(r -> r.revision().equals("r2")).count() >= 3,
          "three failed attempts of r2");
      assertTrue(seen.of(WatchEvent.Reconciled.class).stream().filter(r -> r.revision().equals("r2"))
          .noneMatch(WatchEvent.Reconciled::ok));
      assertTrue(reconciler.status().lastError().contains("Not_A_Name"), reconciler.status()::lastError);
      assertEquals("1", data(name, "one"), "nothing of a refused revision is applied");
      assertEquals("r1", parentRevision(name));
      Event failed = awaitEvent(seen, name, "ReconcileFailed", 2);
      assertEquals("Warning", failed.getType());
      assertTrue(failed.getMessage().contains("r2") && failed.getMessage().contains("Not_A_Name"), failed::getMessage);
      assertEquals(1, events(name, "ReconcileFailed").size(), "each retry bumps the same Event");

      reconciler.submit(desired(settings(name, Map.of("one", "2")), "r3"));
      seen.reconciled("r3", WatchEvent.Reconciled::ok);
      assertEquals("2", data(name, "one"));
      assertTrue(reconciler.status().synced());
    }
  }

  // ---- units with nothing changed are not waited for

  @Test
  void aUnitWhoseObjectsAllStayTheSameIsNotWaitedFor() {
    String name = "watch-settled";
    cluster.createNamespace(name);
    // a unit's health gates are no part of its objects: the same Deployment, never available, gated in r2 only
    WatchOptions impatient = OPTIONS.withApply(ApplyOptions.defaults().withUnitTimeout(Duration.ofSeconds(5)));
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, impatient, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(ungated(rollout(name, true)), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      reconciler.submit(desired(rollout(name, true), "r2"));
      WatchEvent.Reconciled second = seen.reconciled("r2", r -> true);
      assertTrue(second.ok(), () -> "the unchanged stuck unit was not waited for: " + second);
      assertTrue(seen.runs.stream().noneMatch(e -> e instanceof RunEvent.UnitWaiting), seen.runs::toString);
    }
  }

  // ---- a prune that fails in part brings nothing back

  @Test
  void anObjectPrunedBesideOneWhosePruneFailsIsNotCreatedAgain() {
    String name = "watch-prune-fails";
    cluster.createNamespace(name);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, OPTIONS, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, Map.of("keep", "1", "old", "1", "stuck", "1")), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      try (DeleteDenied denied = DeleteDenied.of(name, "stuck")) {
        reconciler.submit(desired(settings(name, Map.of("keep", "1")), "r2"));
        seen.await(() -> seen.of(WatchEvent.Reconciled.class).stream()
            .filter(r -> r.revision().equals("r2") && !r.ok()).count() >= 3, "three failed attempts of r2");
        WatchEvent.Reconciled failed = seen.reconciled("r2", r -> !r.ok());
        assertTrue(failed.error().contains("prune"), failed::toString);
        assertNotNull(cluster.client().configMaps().inNamespace(name).withName("stuck").get(), "its delete was denied");
        assertNull(cluster.client().configMaps().inNamespace(name).withName("old").get(), "pruned, and stays so");
        assertEquals(List.of(), seen.of(WatchEvent.Recreated.class), "self-heal brings back nothing pruned");
      }
      seen.reconciled("r2", WatchEvent.Reconciled::ok);
      assertNull(cluster.client().configMaps().inNamespace(name).withName("stuck").get(), "pruned once allowed");
      assertNull(cluster.client().configMaps().inNamespace(name).withName("old").get());
      assertEquals(List.of(), seen.of(WatchEvent.Recreated.class));
    }
  }

  // ---- reverting a revision applied in part

  @Test
  void revertingToTheStateBeforeARevisionAppliedInPartAppliesItAgain() {
    String name = "watch-revert";
    cluster.createNamespace(name);
    WatchOptions impatient = OPTIONS.withApply(ApplyOptions.defaults().withUnitTimeout(Duration.ofSeconds(3)));
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, impatient, seen, seen)) {
      reconciler.start();
      UnitGraph before = settings(name, Map.of("x", "2"));
      reconciler.submit(desired(before, "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      // x written, then a unit after it never becomes healthy
      UnitGraph half = settings(name, Map.of("x", "5"));
      UnitGraph stuck = rollout(name, true);
      half = new UnitGraph(name, List.of(half.units().get(0),
          new Unit("web", "apps", "app web", stuck.units().get(0).objects(), List.of("settings"),
              stuck.units().get(0).healthGates())));
      reconciler.submit(desired(half, "r2"));
      seen.reconciled("r2", r -> !r.ok());
      assertEquals("5", data(name, "x"));

      reconciler.submit(desired(before, "r3"));
      seen.reconciled("r3", WatchEvent.Reconciled::ok);
      assertEquals("2", data(name, "x"), "the revert is applied, not taken for what was applied before");
      assertEquals("r3", revisions(name).get("x"));
      assertNull(cluster.client().apps().deployments().inNamespace(name).withName("web").get(), "pruned");
      assertTrue(reconciler.status().synced());
    }
  }

  // ---- a source that names another cluster

  @Test
  void aSourceNamingAnotherClusterIsRefusedAndNothingOfItIsApplied() {
    String name = "watch-switch";
    String other = "watch-switch-other";
    cluster.createNamespace(name);
    cluster.createNamespace(other);
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, OPTIONS, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, Map.of("one", "1")), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);

      reconciler.submit(desired(settings(other, Map.of("two", "2")), "r2"));
      seen.await(() -> !seen.of(WatchEvent.SourceRejected.class).isEmpty()
          || seen.of(WatchEvent.Reconciled.class).stream().anyMatch(r -> r.revision().equals("r2")), "r2 refused or tried");
      assertTrue(seen.of(WatchEvent.Reconciled.class).stream().noneMatch(r -> r.revision().equals("r2")),
          () -> "r2 was tried: " + seen.watch);
      WatchEvent.SourceRejected refused = seen.of(WatchEvent.SourceRejected.class).get(0);
      assertEquals("r2", refused.revision());
      String message = refused.diagnostics().get(0);
      assertTrue(message.contains("applies cluster " + name + ";") && message.contains("names cluster " + other)
          && message.contains("needs a new watch"), message);
      Event event = awaitEvent(seen, name, "SourceRejected", 1);
      assertEquals("Warning", event.getType());
      assertEquals(message, event.getMessage());
      assertNull(ParentAnnotations.read(cluster.client(), other), "no ApplySet of the other cluster");
      assertNull(cluster.client().configMaps().inNamespace(other).withName("two").get(), "nothing of it applied");
      WatchStatus status = reconciler.status();
      assertEquals("r1", status.appliedRevision());
      assertNull(status.pendingRevision(), "the last good state stays the one to reach");
      assertEquals(List.of(message), status.rejected());

      reconciler.submit(desired(settings(name, Map.of("one", "2")), "r3"));
      seen.reconciled("r3", WatchEvent.Reconciled::ok);
      assertEquals("2", data(name, "one"));
      assertEquals(List.of(), reconciler.status().rejected());
    }
  }

  // ---- after a restart, a heal keeps the revision that last changed the object

  @Test
  void afterARestartAHealKeepsTheRevisionThatLastChangedTheObject() {
    String name = "watch-restart-heal";
    cluster.createNamespace(name);
    Map<String, String> values = Map.of("one", "1", "two", "2");
    WatchRecorder seen = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, OPTIONS, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(settings(name, values), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);
    }

    WatchRecorder again = new WatchRecorder();
    try (Kube kube = Kube.of(cluster.config());
        Reconciler restarted = new Reconciler(kube.client(), VERSION, OPTIONS, again, again)) {
      restarted.start();
      restarted.submit(desired(settings(name, values), "r2"));
      again.reconciled("r2", WatchEvent.Reconciled::ok);
      restarted.submit(desired(settings(name, Map.of("one", "1", "two", "22")), "r3"));
      again.reconciled("r3", WatchEvent.Reconciled::ok);
      assertEquals(Map.of("one", "r1", "two", "r3"), revisions(name));

      cluster.client().configMaps().inNamespace(name).withName("one").edit(map -> {
        map.getData().put("k", "by hand");
        return map;
      });
      again.await(() -> !again.of(WatchEvent.DriftHealed.class).isEmpty(), "the drift healed");
      assertEquals("1", data(name, "one"));
      assertEquals(Map.of("one", "r1", "two", "r3"), revisions(name), "the heal keeps the revision that changed it");
    }
  }

  @Test
  void liveRevisionsAreListedForAKindWithSeveralObjectsAndReadOneByOneForALoneOne() {
    String name = "watch-live-revisions";
    cluster.createNamespace(name);
    String setId = ApplySetParent.forCluster(name).id();
    String members = "labels: {" + ApplySetKeys.PART_OF + ": " + setId + "}";
    List<GenericKubernetesResource> live = Manifests.parse("""
        {apiVersion: v1, kind: ConfigMap, metadata: {name: a, namespace: %1$s, %2$s, annotations: {%3$s: r1}}}
        ---
        {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: %1$s, %2$s}}
        ---
        {apiVersion: v1, kind: Secret, metadata: {name: s, namespace: %1$s, %2$s, annotations: {%3$s: r2}}}
        """.formatted(name, members, Kinds.REVISION));
    live.forEach(o -> cluster.client().resource(o).create());
    GenericKubernetesResource missing = Manifests.parse(
        "{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: " + name + "}}\n").get(0);
    List<GenericKubernetesResource> asked = new ArrayList<>(live);
    asked.add(missing);

    Map<ObjectId, Optional<String>> revisions = LiveRevisions.read(cluster.client(), setId, asked);
    assertEquals(Map.of(ObjectId.of(live.get(0)), Optional.of("r1"), ObjectId.of(live.get(1)), Optional.empty(),
        ObjectId.of(live.get(2)), Optional.of("r2")), revisions);
  }

  // ---- a revision that changes nothing costs the same however many settled Namespaces there are

  @Test
  void aRevisionThatChangesNothingReadsNoSettledNamespace() {
    RequestCounts one = costOfARevisionThatChangesNothing("watch-settled-one", 1);
    RequestCounts four = costOfARevisionThatChangesNothing("watch-settled-four", 4);
    assertEquals(one.requests(), four.requests(), () -> "1 Namespace: " + one + "; 4 Namespaces: " + four);
    assertEquals(0, four.dryRuns(), four::toString);
    assertEquals(1, four.writes(), () -> "the parent's revision only: " + four);
  }

  /** What the reconciler sends for a second revision equal to the first, of {@code units} Namespaces and ConfigMaps. */
  private static RequestCounts costOfARevisionThatChangesNothing(String name, int units) {
    WatchRecorder seen = new WatchRecorder();
    WatchOptions quiet = OPTIONS.withTick(Duration.ofHours(1)); // no tick's parent read within the count
    try (Kube kube = Kube.of(cluster.config());
        Reconciler reconciler = new Reconciler(kube.client(), VERSION, quiet, seen, seen)) {
      reconciler.start();
      reconciler.submit(desired(namespaces(name, units), "r1"));
      seen.reconciled("r1", WatchEvent.Reconciled::ok);
      RequestCounts before = kube.counts();
      reconciler.submit(desired(namespaces(name, units), "r2"));
      WatchEvent.Reconciled second = seen.reconciled("r2", WatchEvent.Reconciled::ok);
      assertEquals(2 * units, second.unchanged(), second::toString);
      return kube.counts().minus(before);
    }
  }

  /** {@code units} units, each a Namespace {@code name-i} and a ConfigMap in it, for cluster {@code name}. */
  private static UnitGraph namespaces(String name, int units) {
    List<Unit> list = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      String namespace = name + "-" + i;
      List<GenericKubernetesResource> objects = Manifests.parse("---\n{apiVersion: v1, kind: Namespace, metadata: "
          + "{name: " + namespace + "}}\n---\n{apiVersion: v1, kind: ConfigMap, metadata: {name: settings, namespace: "
          + namespace + "}, data: {k: v}}\n");
      list.add(new Unit("app" + i, "apps", "app " + i, objects, List.of(), List.of()));
    }
    return new UnitGraph(name, list);
  }

  // ---- helpers

  /** {@code graph} without health gates. */
  private static UnitGraph ungated(UnitGraph graph) {
    return new UnitGraph(graph.cluster(), graph.units().stream()
        .map(u -> new Unit(u.name(), u.layer(), u.declaration(), u.objects(), u.dependencies(), List.of())).toList());
  }

  private static Desired desired(UnitGraph graph, String revision) {
    return new Desired(graph, revision, "test");
  }

  /** One unit of ConfigMaps named by {@code values}' keys in namespace {@code name}, for cluster {@code name}. */
  private static UnitGraph settings(String name, Map<String, String> values) {
    StringBuilder yaml = new StringBuilder();
    new TreeMap<>(values).forEach((key, value) -> yaml.append("---\n{apiVersion: v1, kind: ConfigMap, metadata: {name: ")
        .append(key).append(", namespace: ").append(name).append("}, data: {k: \"").append(value).append("\"}}\n"));
    List<GenericKubernetesResource> objects = Manifests.parse(yaml.toString());
    List<ObjectId> gates = objects.stream().map(ObjectId::of).toList();
    return new UnitGraph(name, List.of(new Unit("settings", "apps", "app settings", objects, List.of(), gates)));
  }

  /** A Deployment gated on being available ({@code stuck}: never, no node matches), then a ConfigMap after it. */
  private static UnitGraph rollout(String name, boolean stuck) {
    String selector = stuck ? "nodeSelector: {nowhere: \"true\"}, " : "";
    List<GenericKubernetesResource> deployment = Manifests.parse("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {%scontainers: [{name: web, image: nginx}]}
        """.formatted(name, selector));
    List<GenericKubernetesResource> after = Manifests.parse("{apiVersion: v1, kind: ConfigMap, metadata: {name: after, "
        + "namespace: " + name + "}, data: {k: v}}\n");
    return new UnitGraph(name, List.of(
        new Unit("web", "apps", "app web", deployment, List.of(), List.of(ObjectId.of(deployment.get(0)))),
        new Unit("after", "apps", "app after", after, List.of("web"), List.of())));
  }

  /**
   * A ValidatingAdmissionPolicy that denies deleting the ConfigMaps of {@code namespace} whose name
   * starts with {@code prefix}, in force until closed.
   */
  private record DeleteDenied(String name) implements AutoCloseable {
    static DeleteDenied of(String namespace, String prefix) {
      String name = "deny-delete-" + namespace;
      for (GenericKubernetesResource object : Manifests.parse("""
          apiVersion: admissionregistration.k8s.io/v1
          kind: ValidatingAdmissionPolicy
          metadata: {name: %1$s}
          spec:
            failurePolicy: Fail
            matchConstraints:
              resourceRules:
              - {apiGroups: [""], apiVersions: ["v1"], operations: ["DELETE"], resources: ["configmaps"]}
            validations:
            - expression: "oldObject.metadata.namespace != '%2$s' || !oldObject.metadata.name.startsWith('%3$s')"
              message: "a test denies this delete"
          ---
          apiVersion: admissionregistration.k8s.io/v1
          kind: ValidatingAdmissionPolicyBinding
          metadata: {name: %1$s}
          spec: {policyName: %1$s, validationActions: [Deny]}
          """.formatted(name, namespace, prefix))) {
        cluster.client().resource(object).create();
      }
      // in force once a dry-run delete of a probe is denied
      String probe = prefix + "-probe";
      cluster.client().configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
          .withNewMetadata().withName(probe).withNamespace(namespace).endMetadata().build()).create();
      new WatchRecorder().await(() -> {
        try {
          cluster.client().configMaps().inNamespace(namespace).withName(probe).dryRun().delete();
          return false;
        } catch (KubernetesClientException e) {
          return true;
        }
      }, "the delete policy in force");
      return new DeleteDenied(name);
    }

    @Override
    public void close() {
      cluster.client().genericKubernetesResources("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding")
          .withName(name).delete();
      cluster.client().genericKubernetesResources("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy")
          .withName(name).delete();
    }
  }

  /** Name → {@value Kinds#REVISION} of the set's ConfigMaps in namespace {@code name}. */
  private static Map<String, String> revisions(String name) {
    Map<String, String> revisions = new TreeMap<>();
    String setId = ApplySetParent.forCluster(name).id();
    for (ConfigMap map : cluster.client().configMaps().inNamespace(name).withLabel(ApplySetKeys.PART_OF, setId).list()
        .getItems()) {
      Map<String, String> annotations = map.getMetadata().getAnnotations();
      revisions.put(map.getMetadata().getName(), annotations == null ? null : annotations.get(Kinds.REVISION));
    }
    return revisions;
  }

  private static String data(String namespace, String name) {
    return cluster.client().configMaps().inNamespace(namespace).withName(name).get().getData().get("k");
  }

  private static String parentRevision(String name) {
    return ParentAnnotations.get(ParentAnnotations.read(cluster.client(), name), Kinds.REVISION);
  }

  private static List<Event> events(String name, String reason) {
    return new ArrayList<>(cluster.client().v1().events().inNamespace(ApplySetParent.NAMESPACE).list().getItems()
        .stream().filter(e -> ("clusterc-" + name).equals(e.getInvolvedObject().getName())
            && reason.equals(e.getReason())).toList());
  }

  /** The Event of {@code reason} on the parent once its count reached {@code count}. */
  private static Event awaitEvent(WatchRecorder seen, String name, String reason, int count) {
    seen.await(() -> events(name, reason).stream().anyMatch(e -> e.getCount() != null && e.getCount() >= count),
        "an Event " + reason + " counted " + count);
    return events(name, reason).get(0);
  }

  private static int indexOfReconciled(WatchRecorder seen, String revision) {
    for (int i = 0; i < seen.watch.size(); i++) {
      if (seen.watch.get(i) instanceof WatchEvent.Reconciled r && r.revision().equals(revision)) {
        return i;
      }
    }
    return -1;
  }
}
