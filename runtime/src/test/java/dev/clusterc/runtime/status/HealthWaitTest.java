package dev.clusterc.runtime.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.events.RunEvent.Waiting;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * HealthWait on a real API server. No controllers run there, so the test plays the controller:
 * it writes status through the /status subresource, from another thread, once the wait has
 * reported what it waits for.
 */
@WithTestApiServer(crds = false)
class HealthWaitTest {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static final Duration LONG = Duration.ofMinutes(2);

  static KubernetesClient client;
  static TestApiServer server;

  private final HealthWait wait = new HealthWait(client);

  @Test
  void waitsUntilItsControllerReportsADeploymentAvailable() throws Exception {
    String ns = namespace();
    createDeployment(ns, "web", 2);
    List<List<Waiting>> reports = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> controller = new CompletableFuture<>();

    HealthResult result = wait.await(List.of(gate("apps/v1", "Deployment", ns, "web")), LONG, pending -> {
      reports.add(pending);
      if (!controller.isDone()) {
        CompletableFuture.runAsync(() -> writeRolledOut(ns, "web", 2)).whenComplete((v, e) -> controller.complete(null));
      }
    });

    assertInstanceOf(HealthResult.Ready.class, result, result::toString);
    Waiting first = reports.get(0).get(0);
    assertEquals(new ObjectId("apps", "Deployment", ns, "web"), first.object());
    assertEquals("InProgress", first.status());
    assertEquals("0 of 2 replicas created", first.reason());
  }

  @Test
  void timesOutNamingWhatIsStillPendingAndWhy() throws Exception {
    String ns = namespace();
    createDeployment(ns, "stuck", 3);
    GenericKubernetesResource present = gate("apps/v1", "Deployment", ns, "stuck");
    GenericKubernetesResource missing = gate("v1", "ConfigMap", ns, "never-created");

    HealthResult result = new HealthWait(client, Clock.systemUTC(), new PollInterval(Duration.ofMillis(50),
        Duration.ofMillis(100))).await(List.of(present, missing), Duration.ofMillis(600), pending -> { });

    HealthResult.TimedOut timedOut = assertInstanceOf(HealthResult.TimedOut.class, result, result::toString);
    assertEquals(List.of(
        new Waiting(new ObjectId("", "ConfigMap", ns, "never-created"), "NotFound", "not found on the cluster (yet)"),
        new Waiting(new ObjectId("apps", "Deployment", ns, "stuck"), "InProgress", "0 of 3 replicas created")),
        timedOut.pending());
  }

  @Test
  void failsFastWhenAnObjectFailed() throws Exception {
    String ns = namespace();
    createDeployment(ns, "doomed", 1);
    client.apps().deployments().inNamespace(ns).withName("doomed").editStatus(d -> new DeploymentBuilder(d)
        .withNewStatus().withObservedGeneration(d.getMetadata().getGeneration()).withReplicas(1).withUpdatedReplicas(1)
        .withConditions(condition("Progressing", "False", "ProgressDeadlineExceeded",
            "ReplicaSet \"doomed-1\" has timed out progressing."))
        .endStatus().build());
    List<List<Waiting>> reports = new CopyOnWriteArrayList<>();

    HealthResult result = wait.await(List.of(gate("v1", "Namespace", null, ns),
        gate("apps/v1", "Deployment", ns, "doomed")), LONG, reports::add);

    HealthResult.Failed failed = assertInstanceOf(HealthResult.Failed.class, result, result::toString);
    assertEquals(new ObjectId("apps", "Deployment", ns, "doomed"), failed.object());
    assertTrue(failed.reason().contains("progress deadline exceeded"), failed.reason());
    assertTrue(failed.reason().contains("has timed out progressing"), failed.reason());
    assertTrue(reports.isEmpty(), "failed on the first poll, nothing reported as pending: " + reports);
  }

  @Test
  void aCustomResourceWithoutConditionsIsReadyOnceItExists() throws Exception {
    String ns = namespace();
    String crdName = "widgets" + ns.replace("-", "") + ".health.clusterc.dev";
    String plural = crdName.substring(0, crdName.indexOf('.'));
    String kind = "Widget" + ns.replace("-", "");
    client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName(crdName).endMetadata()
        .withNewSpec().withGroup("health.clusterc.dev").withScope("Namespaced")
        .withNewNames().withKind(kind).withPlural(plural).endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema().endSchema().withNewSubresources().withNewStatus().endStatus().endSubresources()
        .endVersion().endSpec().build()).create();
    GenericKubernetesResource widget = gate("health.clusterc.dev/v1", kind, ns, "w");
    widget.setAdditionalProperty("spec", Map.of("size", 3));
    List<List<Waiting>> reports = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> creator = new CompletableFuture<>();

    HealthResult result = wait.await(List.of(gate("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, crdName),
        widget), LONG, pending -> {
          reports.add(pending);
          // create it once the kind is served: the wait then reads it as missing, not as an unknown kind
          if (!creator.isDone() && pending.size() == 1
              && pending.get(0).reason().equals(StatusResult.notFound().message())) {
            CompletableFuture.runAsync(() -> client.resource(widget).create()).whenComplete((v, e) -> creator.complete(null));
          }
        });

    assertInstanceOf(HealthResult.Ready.class, result, result::toString);
    assertTrue(reports.stream().flatMap(List::stream).allMatch(w -> w.status().equals("NotFound")
        || w.status().equals("InProgress")), reports::toString);
    assertTrue(reports.stream().flatMap(List::stream).anyMatch(w -> w.object().kind().equals(kind)
        && w.status().equals("NotFound")), "the widget was waited for before it existed: " + reports);
  }

  @Test
  void readsEachPendingObjectOncePerPollAndCurrentOnesNoMore() throws Exception {
    String ns = namespace();
    createDeployment(ns, "slow", 1);
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .endMetadata().addToData("mode", "fast").build()).create();
    Map<String, AtomicInteger> gets = new java.util.concurrent.ConcurrentHashMap<>();
    Interceptor counter = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (request.method().equals("GET")) {
          gets.computeIfAbsent(request.uri().getPath(), p -> new AtomicInteger()).incrementAndGet();
        }
      }
    };
    AtomicInteger polls = new AtomicInteger();
    try (KubernetesClient counted = new KubernetesClientBuilder().withConfig(server.config())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count", counter)).build()) {
      HealthResult result = new HealthWait(counted, Clock.systemUTC(), new PollInterval(Duration.ofMillis(20),
          Duration.ofMillis(20))).await(List.of(gate("v1", "ConfigMap", ns, "settings"),
          gate("apps/v1", "Deployment", ns, "slow")), LONG, pending -> {
            if (polls.incrementAndGet() == 1) {
              writeRolledOut(ns, "slow", 1);
            }
          });
      assertInstanceOf(HealthResult.Ready.class, result, result::toString);
    }

    assertEquals(1, gets.get("/api/v1/namespaces/" + ns + "/configmaps/settings").get(), gets::toString);
    assertEquals(2, gets.get("/apis/apps/v1/namespaces/" + ns + "/deployments/slow").get(), gets::toString);
    assertEquals(1, gets.get("/apis/apps/v1").get(), "one discovery per apiVersion: " + gets);
  }

  @Test
  void stopsPromptlyWhenInterrupted() throws Exception {
    String ns = namespace();
    createDeployment(ns, "forever", 1);
    CompletableFuture<Thread> waiting = new CompletableFuture<>();
    CompletableFuture<HealthResult> run = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        run.complete(wait.await(List.of(gate("apps/v1", "Deployment", ns, "forever")), LONG,
            pending -> waiting.complete(Thread.currentThread())));
      } catch (Throwable e) {
        run.completeExceptionally(e);
      }
    });
    thread.start();

    waiting.get(1, TimeUnit.MINUTES).interrupt();

    ExecutionException stopped = assertThrows(ExecutionException.class, () -> run.get(1, TimeUnit.MINUTES));
    assertInstanceOf(InterruptedException.class, stopped.getCause());
    thread.join(TimeUnit.MINUTES.toMillis(1));
    assertFalse(thread.isAlive());
  }

  private static String namespace() {
    String name = "health-" + NAMESPACES.incrementAndGet();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    return name;
  }

  private static void createDeployment(String ns, String name, int replicas) {
    client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("registry.example/" + name + ":1").endContainer()
        .endSpec().endTemplate().endSpec().build()).create();
  }

  /** What the deployment controller writes once a rollout is done. */
  private static void writeRolledOut(String ns, String name, int replicas) {
    client.apps().deployments().inNamespace(ns).withName(name).editStatus(d -> new DeploymentBuilder(d)
        .withNewStatus().withObservedGeneration(d.getMetadata().getGeneration()).withReplicas(replicas)
        .withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
        .withConditions(condition("Progressing", "True", "NewReplicaSetAvailable", "rolled out"),
            condition("Available", "True", "MinimumReplicasAvailable", "has minimum availability"))
        .endStatus().build());
  }

  private static DeploymentCondition condition(String type, String status, String reason, String message) {
    String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastUpdateTime(now).withLastTransitionTime(now).build();
  }

  private static GenericKubernetesResource gate(String apiVersion, String kind, String namespace, String name) {
    return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata().build();
  }
}
