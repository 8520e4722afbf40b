package dev.clusterc.runtime.kube;

import static dev.clusterc.runtime.kube.Objects.configMap;
import static dev.clusterc.runtime.kube.Objects.namespace;
import static dev.clusterc.runtime.kube.Objects.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One object planned and applied against a real kube-apiserver. */
@WithTestApiServer(crds = false)
class ObjectApplierTest {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static Kube kube;
  private static ObjectApplier applier;

  @BeforeAll
  static void connect(TestApiServer server) {
    kube = Kube.of(server.config());
    applier = new ObjectApplier(kube.client());
  }

  @AfterAll
  static void close() {
    kube.close();
  }

  /** A fresh namespace, created for real (a dry run needs it). */
  private static String freshNamespace() {
    String name = "t" + NAMESPACES.incrementAndGet();
    applier.apply(namespace(name), ApplyFlags.NONE);
    return name;
  }

  /** A change by another field manager, as {@code kubectl edit} makes it (an update, not an apply). */
  private static void edit(String namespace, String name, String mergePatch) {
    kube.client().configMaps().inNamespace(namespace).withName(name).patch(new PatchContext.Builder()
        .withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-edit").build(), mergePatch);
  }

  @Test
  void createsThenFindsItUnchangedWithoutWriting() {
    String ns = freshNamespace();
    GenericKubernetesResource cm = configMap(ns, "app", "{k: v}");
    ObjectChange planned = applier.plan(cm);
    assertEquals(Change.CREATED, planned.change());
    assertTrue(planned.diff().contains("+  k: v"), planned.diff());

    RequestCounts before = kube.counts();
    assertEquals(Change.CREATED, applier.apply(cm, ApplyFlags.NONE).change());
    assertEquals(1, kube.counts().minus(before).writes());

    RequestCounts again = kube.counts();
    ObjectChange second = applier.apply(cm, ApplyFlags.NONE);
    RequestCounts sent = kube.counts().minus(again);
    assertEquals(Change.UNCHANGED, second.change());
    assertEquals("", second.diff());
    assertEquals(0, sent.writes(), sent.toString());
    assertEquals(1, sent.dryRuns(), sent.toString());
  }

  @Test
  void aChangedValueIsConfiguredWithADiffOfManagedFieldsOnly() {
    String ns = freshNamespace();
    applier.apply(configMap(ns, "app", "{k: old, same: s}"), ApplyFlags.NONE);
    // another manager adds a key clusterc does not manage: it is no part of the diff
    edit(ns, "app", "{\"data\": {\"foreign\": \"x\"}}");

    ObjectChange change = applier.plan(configMap(ns, "app", "{k: new, same: s}"));
    assertEquals(Change.CONFIGURED, change.change());
    assertTrue(change.diff().contains("-  k: old\n+  k: new\n"), change.diff());
    assertFalse(change.diff().contains("foreign"), change.diff());
    assertFalse(change.diff().contains("managedFields"), change.diff());
    assertFalse(change.diff().contains("resourceVersion"), change.diff());

    assertEquals(Change.CONFIGURED, applier.apply(configMap(ns, "app", "{k: new, same: s}"), ApplyFlags.NONE)
        .change());
    assertEquals("new", kube.client().configMaps().inNamespace(ns).withName("app").get().getData().get("k"));
  }

  @Test
  void aFieldClustercNoLongerSetsShowsAsRemoved() {
    String ns = freshNamespace();
    applier.apply(configMap(ns, "app", "{k: v, old: gone-soon}"), ApplyFlags.NONE);
    ObjectChange change = applier.plan(configMap(ns, "app", "{k: w}"));
    assertEquals(Change.CONFIGURED, change.change());
    assertTrue(change.diff().contains("-  k: v\n-  old: gone-soon\n+  k: w\n"), change.diff());
    applier.apply(configMap(ns, "app", "{k: w}"), ApplyFlags.NONE);
    assertEquals(Map.of("k", "w"), kube.client().configMaps().inNamespace(ns).withName("app").get().getData());
  }

  @Test
  void secretValuesNeverAppearInADiff() {
    String ns = freshNamespace();
    String secret = "{apiVersion: v1, kind: Secret, metadata: {name: db, namespace: " + ns + "}, "
        + "stringData: {password: %s, user: admin-user-name}}";
    ObjectChange created = applier.apply(one(secret.formatted("first-secret-value")), ApplyFlags.NONE);
    assertEquals(Change.CREATED, created.change());
    assertFalse(created.diff().contains("first-secret-value"), created.diff());
    assertTrue(created.diff().contains("password: " + SecretMask.HIDDEN), created.diff());

    ObjectChange changed = applier.plan(one(secret.formatted("second-secret-value")));
    assertEquals(Change.CONFIGURED, changed.change());
    String diff = changed.diff();
    assertTrue(diff.contains("-  password: " + SecretMask.HIDDEN + "\n+  password: \"" + SecretMask.CHANGED + "\""),
        diff);
    for (String value : List.of("first-secret-value", "second-secret-value", "admin-user-name",
        "Zmlyc3Qtc2VjcmV0LXZhbHVl", "c2Vjb25kLXNlY3JldC12YWx1ZQ==", "YWRtaW4tdXNlci1uYW1l")) {
      assertFalse(diff.contains(value), diff);
    }
    assertFalse(diff.contains("+  user"), "an unchanged key is not changed: " + diff);
  }

  @Test
  void anotherManagersFieldIsAConflictNamingItUntilForced() {
    String ns = freshNamespace();
    applier.apply(configMap(ns, "app", "{k: ours}"), ApplyFlags.NONE);
    edit(ns, "app", "{\"data\": {\"k\": \"theirs\"}}");

    GenericKubernetesResource desired = configMap(ns, "app", "{k: ours}");
    ObjectChange planned = applier.plan(desired);
    assertEquals(Change.CONFIGURED, planned.change());
    assertEquals(List.of("kubectl-edit"), planned.conflicts());
    assertTrue(planned.detail().contains("kubectl-edit"), planned.detail());

    RequestCounts before = kube.counts();
    ObjectRefused refused = assertThrows(ObjectRefused.class, () -> applier.apply(desired, ApplyFlags.NONE));
    assertTrue(refused.getMessage().contains("conflict with field manager kubectl-edit over field .data.k"),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("--force-conflicts"), refused.getMessage());
    assertEquals(0, kube.counts().minus(before).writes());
    assertEquals("theirs", kube.client().configMaps().inNamespace(ns).withName("app").get().getData().get("k"));

    applier.apply(desired, new ApplyFlags(true, false));
    assertEquals("ours", kube.client().configMaps().inNamespace(ns).withName("app").get().getData().get("k"));
    assertEquals(Change.UNCHANGED, applier.plan(desired).change());
  }

  @Test
  void anImmutableChangeIsRefusedThenForcedByRecreating() {
    String ns = freshNamespace();
    String job = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: %s}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: main, image: "%s"}]
        """;
    applier.apply(one(job.formatted(ns, "busybox:1")), ApplyFlags.NONE);
    String uid = kube.client().batch().v1().jobs().inNamespace(ns).withName("migrate").get().getMetadata().getUid();
    assertEquals(Change.UNCHANGED, applier.plan(one(job.formatted(ns, "busybox:1"))).change());

    GenericKubernetesResource changed = one(job.formatted(ns, "busybox:2"));
    ObjectChange planned = applier.plan(changed);
    assertEquals(Change.RECREATED, planned.change());
    assertTrue(planned.detail().contains("spec.template"), planned.detail());
    assertTrue(planned.diff().contains("-      - image: busybox:1\n+      - image: busybox:2"), planned.diff());

    ObjectRefused refused = assertThrows(ObjectRefused.class, () -> applier.apply(changed, ApplyFlags.NONE));
    assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
    assertEquals(uid, kube.client().batch().v1().jobs().inNamespace(ns).withName("migrate").get()
        .getMetadata().getUid());

    assertEquals(Change.RECREATED, applier.apply(changed, new ApplyFlags(false, true)).change());
    Job recreated = kube.client().batch().v1().jobs().inNamespace(ns).withName("migrate").get();
    assertNotEquals(uid, recreated.getMetadata().getUid());
    assertEquals("busybox:2", recreated.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
  }

  @Test
  void aStoppedRunStartsNoReCreate() {
    String ns = freshNamespace();
    String service = "{apiVersion: v1, kind: Service, metadata: {name: web, namespace: " + ns + "}, "
        + "spec: {clusterIP: %s, ports: [{port: 80}]}}";
    applier.apply(one(service.formatted("10.43.7.17")), ApplyFlags.NONE);
    String uid = kube.client().services().inNamespace(ns).withName("web").get().getMetadata().getUid();
    ObjectRefused refused = assertThrows(ObjectRefused.class,
        () -> applier.apply(one(service.formatted("10.43.7.18")), new ApplyFlags(false, true), () -> true));
    assertTrue(refused.getMessage().contains("stopped"), refused.getMessage());
    assertEquals(uid, kube.client().services().inNamespace(ns).withName("web").get().getMetadata().getUid());
  }

  /** A stop while a re-create waits for its delete bounds the wait: an object held by a finalizer is left as it is. */
  @Test
  void aStoppedReCreateWaitsForTheDeleteOnlySoLong() {
    String ns = freshNamespace();
    String service = "{apiVersion: v1, kind: Service, metadata: {name: held, namespace: " + ns + "}, "
        + "spec: {clusterIP: %s, ports: [{port: 80}]}}";
    applier.apply(one(service.formatted("10.43.7.27")), ApplyFlags.NONE);
    kube.client().services().inNamespace(ns).withName("held").edit(s -> {
      s.getMetadata().setFinalizers(List.of("example.com/hold"));
      return s;
    });
    AtomicInteger asked = new AtomicInteger();
    ObjectApplier bounded = new ObjectApplier(kube.client(), java.time.Duration.ofSeconds(1));
    try {
      // not stopped when the re-create begins; stopped from its first look at the delete on
      ObjectRefused refused = assertThrows(ObjectRefused.class, () -> bounded.apply(one(service.formatted("10.43.7.28")),
          new ApplyFlags(false, true), () -> asked.incrementAndGet() > 1));
      assertTrue(refused.getMessage().contains("still there"), refused.getMessage());
      var live = kube.client().services().inNamespace(ns).withName("held").get();
      assertEquals("10.43.7.27", live.getSpec().getClusterIP(), "left as it was, deleting");
      assertTrue(live.getMetadata().getDeletionTimestamp() != null);
    } finally {
      kube.client().services().inNamespace(ns).withName("held").edit(s -> {
        s.getMetadata().setFinalizers(List.of());
        return s;
      });
    }
  }

  @Test
  void aServiceClusterIpChangeIsImmutable() {
    String ns = freshNamespace();
    String service = "{apiVersion: v1, kind: Service, metadata: {name: web, namespace: " + ns + "}, "
        + "spec: {clusterIP: %s, ports: [{port: 80}]}}";
    applier.apply(one(service.formatted("10.43.7.7")), ApplyFlags.NONE);
    assertEquals(Change.RECREATED, applier.plan(one(service.formatted("10.43.7.8"))).change());
    assertEquals(Change.RECREATED, applier.apply(one(service.formatted("10.43.7.8")), new ApplyFlags(false, true))
        .change());
    assertEquals("10.43.7.8", kube.client().services().inNamespace(ns).withName("web").get().getSpec()
        .getClusterIP());
  }

  @Test
  void aClaimIsNeverRecreatedEvenWhenForced() {
    String ns = freshNamespace();
    String claim = "{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, namespace: " + ns + "}, "
        + "spec: {accessModes: [%s], resources: {requests: {storage: 1Gi}}}}";
    applier.apply(one(claim.formatted("ReadWriteOnce")), ApplyFlags.NONE);
    String uid = kube.client().persistentVolumeClaims().inNamespace(ns).withName("data").get().getMetadata()
        .getUid();
    ObjectRefused refused = assertThrows(ObjectRefused.class,
        () -> applier.apply(one(claim.formatted("ReadWriteMany")), new ApplyFlags(true, true)));
    assertTrue(refused.getMessage().contains("holds data"), refused.getMessage());
    assertEquals(uid, kube.client().persistentVolumeClaims().inNamespace(ns).withName("data").get()
        .getMetadata().getUid());
  }

  @Test
  void aCrdIsNeverRecreatedEvenWhenForcedSoItsCustomResourcesStay() {
    String crd = "{apiVersion: apiextensions.k8s.io/v1, kind: CustomResourceDefinition, metadata: {name: "
        + "gadgets.scope.clusterc.dev}, spec: {group: scope.clusterc.dev, scope: %s, names: {plural: gadgets, "
        + "singular: gadget, kind: Gadget}, versions: [{name: v1, served: true, storage: true, schema: "
        + "{openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}]}}";
    GenericKubernetesResource namespaced = one(crd.formatted("Namespaced"));
    applier.apply(namespaced, ApplyFlags.NONE);
    assertEquals(List.of(), new StagingWait(kube.client()).await(List.of(namespaced), java.time.Duration.ofSeconds(30),
        () -> false));
    String ns = freshNamespace();
    applier.apply(one("{apiVersion: scope.clusterc.dev/v1, kind: Gadget, metadata: {name: g, namespace: " + ns
        + "}, spec: {size: 1}}"), ApplyFlags.NONE);

    ObjectRefused refused = assertThrows(ObjectRefused.class,
        () -> applier.apply(one(crd.formatted("Cluster")), new ApplyFlags(true, true)));
    assertTrue(refused.getMessage().contains("every custom resource of its kind"), refused.getMessage());
    assertEquals("Namespaced", kube.client().apiextensions().v1().customResourceDefinitions()
        .withName("gadgets.scope.clusterc.dev").get().getSpec().getScope());
    assertEquals(1, kube.client().genericKubernetesResources("scope.clusterc.dev/v1", "Gadget").inNamespace(ns)
        .list().getItems().size());
  }

  @Test
  void anObjectWhoseNamespaceOrKindDoesNotExistYetPlansAsCreated() {
    ObjectChange noNamespace = applier.plan(configMap("not-yet", "app", "{k: v}"));
    assertEquals(Change.CREATED, noNamespace.change());
    assertTrue(noNamespace.detail().contains("namespace not-yet"), noNamespace.detail());

    ObjectChange noKind = applier.plan(one("{apiVersion: example.clusterc.dev/v1, kind: Widget, "
        + "metadata: {name: w, namespace: default}, spec: {size: 1}}"));
    assertEquals(Change.CREATED, noKind.change());
    assertTrue(noKind.detail().contains("Widget.example.clusterc.dev"), noKind.detail());
    assertTrue(noKind.diff().contains("+  size: 1"), noKind.diff());
  }
}
