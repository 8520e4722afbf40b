package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterc.runtime.inventory.MemberLabel;
import dev.clusterc.runtime.kube.ApplyFlags;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.ObjectApplier;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.testapiserver.Manifests;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drift healed on a real cluster (kwok rolls Deployments out): objects applied as members of a set,
 * handed to {@link SelfHeal}, then changed, deleted and fought over by other writers.
 */
@WithTestCluster
class SelfHealClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  static TestCluster cluster;
  private static Kube kube;

  private final Events events = new Events();
  private ExecutorService serial;
  private SelfHeal heal;
  private String namespace;
  private String set;

  @BeforeAll
  static void connect() {
    kube = Kube.of(cluster.config());
  }

  @AfterAll
  static void disconnect() {
    kube.close();
  }

  @BeforeEach
  void freshNamespace() {
    namespace = "heal-" + SEQUENCE.incrementAndGet();
    set = "applyset-" + namespace + "-v1";
    cluster.createNamespace(namespace);
    serial = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stop() {
    if (heal != null) {
      heal.close();
    }
    serial.shutdownNow();
  }

  private KubernetesClient other() {
    return cluster.client();
  }

  private GenericKubernetesResource deployment(String name, String extraAnnotations) {
    return Manifests.parse("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: %s
          labels: {tier: web}
          annotations: {owner: team-a%s}
        spec:
          replicas: 2
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: web, image: "nginx:1.27", ports: [{containerPort: 80}]}]
        """.formatted(name, namespace, extraAnnotations, name, name)).get(0);
  }

  private GenericKubernetesResource configMap(String name, String value) {
    return Manifests.parse("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s, namespace: %s}
        data: {k: %s}
        """.formatted(name, namespace, value)).get(0);
  }

  /** Applies the objects as members of the set, as a reconcile would, and hands them to a new SelfHeal. */
  private Map<ObjectId, GenericKubernetesResource> start(SelfHeal.HealPolicy policy, Executor checks,
      GenericKubernetesResource... objects) {
    ObjectApplier applier = new ObjectApplier(kube.client());
    Map<ObjectId, GenericKubernetesResource> desired = new LinkedHashMap<>();
    for (GenericKubernetesResource object : objects) {
      GenericKubernetesResource member = MemberLabel.label(object, set);
      applier.apply(member, ApplyFlags.NONE);
      desired.put(ObjectId.of(member), member);
    }
    heal = new SelfHeal(kube.client(), set, policy, checks, events);
    heal.desire(desired, desired.keySet());
    assertEquals(objects.length, heal.tracked());
    return desired;
  }

  private void patch(String kind, String name, String manager, String mergePatch) {
    PatchContext context = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager(manager)
        .build();
    if (kind.equals("Deployment")) {
      other().apps().deployments().inNamespace(namespace).withName(name).patch(context, mergePatch);
    } else {
      other().configMaps().inNamespace(namespace).withName(name).patch(context, mergePatch);
    }
  }

  private Deployment liveDeployment(String name) {
    return other().apps().deployments().inNamespace(namespace).withName(name).get();
  }

  private int readyReplicas(String name) {
    Deployment live = liveDeployment(name);
    return live.getStatus() == null || live.getStatus().getReadyReplicas() == null ? 0
        : live.getStatus().getReadyReplicas();
  }

  private ConfigMap liveConfigMap(String name) {
    return other().configMaps().inNamespace(namespace).withName(name).get();
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + WAIT + ": " + what);
      }
      Events.pause(50);
    }
  }

  private ObjectId id(String kind, String name) {
    return new ObjectId(kind.equals("Deployment") ? "apps" : "", kind, namespace, name);
  }

  @Test
  void aDeploymentScaledByHandIsScaledBackAndTheScalerIsNamed() {
    start(SelfHeal.HealPolicy.defaults(), serial, deployment("web", ""));
    await("rolled out", () -> readyReplicas("web") == 2);

    patch("Deployment", "web", "kubectl-scale", "{\"spec\": {\"replicas\": 5}}");

    WatchEvent.DriftHealed healed = events.await(WatchEvent.DriftHealed.class,
        e -> e.object().equals(id("Deployment", "web")), WAIT);
    assertEquals("/spec/replicas", healed.fields());
    assertEquals("kubectl-scale", healed.manager());
    assertEquals(2, liveDeployment("web").getSpec().getReplicas());
  }

  @Test
  void aDeletedConfigMapIsCreatedAgain() {
    start(SelfHeal.HealPolicy.defaults(), serial, configMap("settings", "v1"));

    other().configMaps().inNamespace(namespace).withName("settings").delete();

    events.await(WatchEvent.Recreated.class, e -> e.object().equals(id("ConfigMap", "settings")), WAIT);
    ConfigMap back = liveConfigMap("settings");
    assertNotNull(back);
    assertEquals("v1", back.getData().get("k"));
    assertEquals(set, back.getMetadata().getLabels().get("applyset.kubernetes.io/part-of"));
  }

  /** An object that loses the set's label drops out of the informer's view: still ours, it is labelled again. */
  @Test
  void anObjectThatLostOurLabelIsLabelledAgain() {
    start(SelfHeal.HealPolicy.defaults(), serial, configMap("labelled", "v1"));

    patch("ConfigMap", "labelled", "kubectl-label",
        "{\"metadata\": {\"labels\": {\"applyset.kubernetes.io/part-of\": null}}}");

    WatchEvent.DriftHealed healed = events.await(WatchEvent.DriftHealed.class,
        e -> e.object().equals(id("ConfigMap", "labelled")), WAIT);
    assertEquals("/metadata/labels/applyset.kubernetes.io~1part-of", healed.fields());
    assertEquals(set, liveConfigMap("labelled").getMetadata().getLabels().get("applyset.kubernetes.io/part-of"));
    assertEquals(List.of(), events.of(WatchEvent.Recreated.class), "it was there all along");
  }

  /**
   * A status update and fields another manager adds are no drift: the one write is the heal of the
   * field changed last (a later change of the same object, so its check comes after theirs).
   */
  @Test
  void statusUpdatesAndFieldsWeDoNotSetCauseNoWrite() {
    start(SelfHeal.HealPolicy.defaults(), serial, deployment("web", ""), configMap("settings", "v1"));
    await("rolled out", () -> readyReplicas("web") == 2);
    RequestCounts before = kube.counts();

    other().apps().deployments().inNamespace(namespace).withName("web").subresource("status").patch(
        new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager("status-writer").build(),
        "{\"status\": {\"conditions\": [{\"type\": \"Tested\", \"status\": \"True\"}]}}");
    patch("Deployment", "web", "labeller", "{\"metadata\": {\"labels\": {\"extra\": \"x\"},"
        + " \"annotations\": {\"note\": \"y\"}}, \"spec\": {\"minReadySeconds\": 1}}");
    patch("ConfigMap", "settings", "labeller", "{\"metadata\": {\"labels\": {\"extra\": \"x\"}},"
        + " \"data\": {\"other\": \"z\"}}");
    // the markers: one field of ours per object, changed after the others
    patch("Deployment", "web", "kubectl-label", "{\"metadata\": {\"labels\": {\"tier\": \"changed\"}}}");
    patch("ConfigMap", "settings", "kubectl-edit", "{\"data\": {\"k\": \"changed\"}}");

    WatchEvent.DriftHealed deployment = events.await(WatchEvent.DriftHealed.class,
        e -> e.object().equals(id("Deployment", "web")), WAIT);
    WatchEvent.DriftHealed configMap = events.await(WatchEvent.DriftHealed.class,
        e -> e.object().equals(id("ConfigMap", "settings")), WAIT);
    assertEquals("/metadata/labels/tier", deployment.fields());
    assertEquals("kubectl-label", deployment.manager());
    assertEquals("/data/k", configMap.fields());
    assertEquals("kubectl-edit", configMap.manager());
    assertEquals("web", liveDeployment("web").getMetadata().getLabels().get("tier"));
    assertEquals("x", liveDeployment("web").getMetadata().getLabels().get("extra"), "not ours: left alone");
    assertEquals(1, liveDeployment("web").getSpec().getMinReadySeconds(), "not ours: left alone");
    assertEquals("z", liveConfigMap("settings").getData().get("other"), "not ours: left alone");
    assertEquals(2, kube.counts().minus(before).writes(), "the two heals, nothing else");
    assertEquals(2, events.of(WatchEvent.DriftHealed.class).size(), events.seen.toString());
  }

  /** A heal the API server refuses (a quota is full) is reported and tried again after a back-off, not in a loop. */
  @Test
  void aRefusedHealIsReportedAndTriedAgainLater() {
    await("the namespace's CA ConfigMap", () -> liveConfigMap("kube-root-ca.crt") != null);
    other().resourceQuotas().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.ResourceQuotaBuilder()
        .withNewMetadata().withName("two").endMetadata().withNewSpec()
        .addToHard("count/configmaps", new io.fabric8.kubernetes.api.model.Quantity("2")).endSpec().build()).create();
    await("the quota counted", () -> {
      var quota = other().resourceQuotas().inNamespace(namespace).withName("two").get();
      return quota.getStatus() != null && quota.getStatus().getUsed() != null
          && quota.getStatus().getUsed().containsKey("count/configmaps");
    });
    SelfHeal.HealPolicy policy = new SelfHeal.HealPolicy(3, Duration.ofMinutes(1), Duration.ofMillis(500),
        Duration.ofSeconds(2));
    start(policy, serial, configMap("ours", "v1"));
    heal.pause(true);
    other().configMaps().inNamespace(namespace).withName("ours").delete();
    await("another's ConfigMap takes the free place", () -> {
      try {
        other().resource(configMap("theirs", "x")).create();
        return true;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        return false; // the quota has not counted the delete yet
      }
    });

    heal.pause(false);

    WatchEvent.HealFailed failed = events.await(WatchEvent.HealFailed.class,
        e -> e.object().equals(id("ConfigMap", "ours")), WAIT);
    assertTrue(failed.reason().contains("exceeded quota"), failed.reason());
    Events.pause(3_000); // an observation period: retries after 0.5 s, 1 s, 2 s, 2 s at most
    int failures = events.of(WatchEvent.HealFailed.class).size();
    assertTrue(failures >= 2 && failures <= 5, "retried a few times, not in a loop: " + failures);
    for (int i = 0; i < 4; i++) {
      heal.resync(); // each tries the failed heal again, at once
    }
    assertTrue(events.of(WatchEvent.HealFailed.class).size() >= failures + 4, events.seen.toString());
    assertEquals(List.of(), events.of(WatchEvent.HealBackOff.class), "refused heals are failures, not heals that"
        + " keep being undone");
    other().configMaps().inNamespace(namespace).withName("theirs").delete();
    events.await(WatchEvent.Recreated.class, e -> e.object().equals(id("ConfigMap", "ours")), WAIT);
    assertEquals("v1", liveConfigMap("ours").getData().get("k"));
  }

  /** A writer that sets its own value each time ours comes back: heals back off, writes stay few. */
  @Test
  void aFieldFoughtOverBacksOffInsteadOfLooping() throws Exception {
    SelfHeal.HealPolicy policy = new SelfHeal.HealPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4));
    start(policy, serial, configMap("fought", "ours"));
    RequestCounts before = kube.counts();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger rewrites = new AtomicInteger();
    Thread webhook = new Thread(() -> {
      while (!stop.get()) {
        ConfigMap live = liveConfigMap("fought");
        if (live != null && !"webhook".equals(live.getData().get("k"))) {
          patch("ConfigMap", "fought", "webhook", "{\"data\": {\"k\": \"webhook\"}}");
          rewrites.incrementAndGet();
        }
        Events.pause(20);
      }
    }, "webhook-like writer");
    webhook.start();
    try {
      WatchEvent.HealBackOff backOff = events.await(WatchEvent.HealBackOff.class,
          e -> e.object().equals(id("ConfigMap", "fought")), WAIT);
      assertEquals(3, backOff.attempts());
      assertEquals("webhook", backOff.manager());
      assertEquals("/data/k", backOff.fields());
      assertTrue(backOff.retryIn().compareTo(Duration.ofSeconds(2)) <= 0, backOff.toString());
      Events.pause(12_000); // an observation period, not an assertion on speed: heals every 2 s, 4 s, 4 s at most
    } finally {
      stop.set(true);
      webhook.join();
      heal.close();
      serial.submit(() -> { }).get(); // a heal in flight ends, so writes and events are counted alike
    }
    long writes = kube.counts().minus(before).writes();
    int heals = events.of(WatchEvent.DriftHealed.class).size();
    System.out.println("fought over 12 s: " + heals + " heals, " + events.of(WatchEvent.HealBackOff.class).size()
        + " back-offs, the writer rewrote " + rewrites.get() + " times");
    assertEquals(heals, writes, "each write a heal");
    assertTrue(heals >= 3 && heals <= 3 + 5, "3 heals at once, then a few backed off; got " + heals
        + " with the writer rewriting " + rewrites.get() + " times");
    assertTrue(events.of(WatchEvent.HealBackOff.class).size() >= 2, events.seen.toString());
  }

  @Test
  void anIgnoredFieldIsLeftToItsOtherOwner() {
    start(SelfHeal.HealPolicy.defaults(), serial,
        deployment("scaled", ", clusterc.dev/drift-ignore: /spec/replicas"));
    RequestCounts before = kube.counts();

    patch("Deployment", "scaled", "kubectl-scale", "{\"spec\": {\"replicas\": 4}}");
    patch("Deployment", "scaled", "kubectl-label", "{\"metadata\": {\"labels\": {\"tier\": \"changed\"}}}");

    WatchEvent.DriftHealed healed = events.await(WatchEvent.DriftHealed.class,
        e -> e.object().equals(id("Deployment", "scaled")), WAIT);
    assertEquals("/metadata/labels/tier", healed.fields(), "replicas are ignored");
    assertEquals("web", liveDeployment("scaled").getMetadata().getLabels().get("tier"));
    assertEquals(4, liveDeployment("scaled").getSpec().getReplicas(), "the heal kept the live replicas");
    assertEquals(1, kube.counts().minus(before).writes());
  }

  /** Changes no informer reported (a dropped watch, simulated by checks that never run) are found by a resync. */
  /**
   * A desired object whose read-back after a write failed has no known baseline: the next check takes
   * the live object as it is, and heals nothing.
   */
  @Test
  void anObjectThatCouldNotBeReadBackIsTakenAsItIsLater() throws Exception {
    ObjectApplier applier = new ObjectApplier(kube.client());
    GenericKubernetesResource first = MemberLabel.label(configMap("first", "v1"), set);
    GenericKubernetesResource unread = MemberLabel.label(configMap("unread", "v1"), set);
    applier.apply(first, ApplyFlags.NONE);
    applier.apply(unread, ApplyFlags.NONE);
    String path = "/api/v1/namespaces/" + namespace + "/configmaps/unread";
    AtomicBoolean failReads = new AtomicBoolean();
    Interceptor refuser = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (failReads.get() && request.method().equals("GET") && request.uri().getPath().equals(path)) {
          builder.uri(java.net.URI.create("https://127.0.0.1:1" + path)); // nothing listens: the read fails
        }
      }
    };
    Config once = new ConfigBuilder(cluster.config()).withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient failing = new KubernetesClientBuilder().withConfig(once)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("refuse", refuser)).build()) {
      heal = new SelfHeal(failing, set, SelfHeal.HealPolicy.defaults(), serial, events);
      heal.desire(Map.of(ObjectId.of(first), first), Set.of()); // the ConfigMap informer runs from now on
      failReads.set(true);
      Map<ObjectId, GenericKubernetesResource> both = Map.of(ObjectId.of(first), first, ObjectId.of(unread), unread);
      heal.desire(both, Set.of(ObjectId.of(unread))); // as after a reconcile that wrote it: read back, and that fails
      serial.submit(() -> { }).get();
      failReads.set(false);

      assertEquals(0, heal.resync());
      serial.submit(() -> { }).get();
      assertEquals(List.of(), events.of(WatchEvent.DriftHealed.class), events.seen.toString());
      assertEquals(List.of(), events.of(WatchEvent.Recreated.class), events.seen.toString());

      patch("ConfigMap", "unread", "kubectl-edit", "{\"data\": {\"k\": \"changed\"}}");
      events.await(WatchEvent.DriftHealed.class, e -> e.object().equals(id("ConfigMap", "unread")), WAIT);
      assertEquals("v1", liveConfigMap("unread").getData().get("k"), "a real drift after it is healed");
      heal.close(); // before its client
      heal = null;
    }
  }

  @Test
  void aResyncHealsWhatTheInformersMissed() {
    List<Runnable> dropped = new java.util.concurrent.CopyOnWriteArrayList<>();
    start(SelfHeal.HealPolicy.defaults(), dropped::add, configMap("changed", "v1"), configMap("deleted", "v1"),
        configMap("untouched", "v1"));
    patch("ConfigMap", "changed", "kubectl-edit", "{\"data\": {\"k\": \"v2\"}}");
    other().configMaps().inNamespace(namespace).withName("deleted").delete();
    await("the changes are made", () -> liveConfigMap("deleted") == null);
    RequestCounts before = kube.counts();

    assertEquals(2, heal.resync());

    assertEquals("v1", liveConfigMap("changed").getData().get("k"));
    assertEquals("v1", liveConfigMap("deleted").getData().get("k"));
    assertEquals(2, kube.counts().minus(before).writes());
    assertEquals(List.of(id("ConfigMap", "changed")),
        events.of(WatchEvent.DriftHealed.class).stream().map(WatchEvent.DriftHealed::object).toList());
    assertEquals(List.of(id("ConfigMap", "deleted")),
        events.of(WatchEvent.Recreated.class).stream().map(WatchEvent.Recreated::object).toList());
    assertEquals(0, heal.resync(), "healed: nothing left to do");
  }

  @Test
  void whilePausedNothingIsHealedAndResumingHealsIt() {
    start(SelfHeal.HealPolicy.defaults(), serial, configMap("paused", "v1"), configMap("marker", "v1"));
    heal.pause(true);
    patch("ConfigMap", "paused", "kubectl-edit", "{\"data\": {\"k\": \"v2\"}}");
    assertEquals(0, heal.resync(), "a resync heals nothing while paused");
    RequestCounts before = kube.counts();

    heal.pause(false);

    events.await(WatchEvent.DriftHealed.class, e -> e.object().equals(id("ConfigMap", "paused")), WAIT);
    assertEquals("v1", liveConfigMap("paused").getData().get("k"));
    assertEquals(1, kube.counts().minus(before).writes());
  }

  /** A reconcile on the serial thread writes a new desired state: its own write is no drift, the new state is healed to. */
  @Test
  void aReconcilesOwnWriteIsNoDriftAndTheNewStateIsKept() throws Exception {
    Map<ObjectId, GenericKubernetesResource> desired = start(SelfHeal.HealPolicy.defaults(), serial,
        configMap("settings", "v1"), deployment("web", ""));
    GenericKubernetesResource changed = MemberLabel.label(configMap("settings", "v2"), set);
    desired.put(ObjectId.of(changed), changed);
    RequestCounts before = kube.counts();
    serial.submit(() -> {
      new ObjectApplier(kube.client()).apply(changed, ApplyFlags.NONE);
      heal.desire(desired, java.util.Set.of(ObjectId.of(changed)));
    }).get();
    RequestCounts reconciled = kube.counts();
    assertEquals(1, reconciled.minus(before).writes(), "the reconcile's own write");

    patch("ConfigMap", "settings", "kubectl-edit", "{\"data\": {\"k\": \"v3\"}}");

    events.await(WatchEvent.DriftHealed.class, e -> e.object().equals(id("ConfigMap", "settings")), WAIT);
    assertEquals("v2", liveConfigMap("settings").getData().get("k"));
    assertEquals(1, kube.counts().minus(reconciled).writes(), "one heal, none for the reconcile's write");
    assertEquals(1, events.of(WatchEvent.DriftHealed.class).size(), events.seen.toString());
  }

  @Test
  void objectsNoLongerDesiredAreNoLongerHealed() {
    Map<ObjectId, GenericKubernetesResource> desired = start(SelfHeal.HealPolicy.defaults(), serial,
        configMap("kept", "v1"), configMap("dropped", "v1"));
    Map<ObjectId, GenericKubernetesResource> fewer = new LinkedHashMap<>(desired);
    fewer.remove(id("ConfigMap", "dropped"));
    heal.desire(fewer, java.util.Set.of());
    assertEquals(1, heal.tracked());

    other().configMaps().inNamespace(namespace).withName("dropped").delete();
    other().configMaps().inNamespace(namespace).withName("kept").delete();

    events.await(WatchEvent.Recreated.class, e -> e.object().equals(id("ConfigMap", "kept")), WAIT);
    assertEquals(null, liveConfigMap("dropped"));
    assertEquals(1, events.of(WatchEvent.Recreated.class).size(), events.seen.toString());
  }
}
