package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The controllers, the scheduler and kwok really run: workloads reach their end states. */
@WithTestCluster
class TestClusterTest {

  static TestCluster cluster;

  @Test
  void serverSideAppliedDeploymentBecomesAvailable(KubernetesClient client) {
    cluster.createNamespace("rollout");
    Deployment deployment = new DeploymentBuilder()
        .withNewMetadata().withName("web").withNamespace("rollout").endMetadata()
        .withNewSpec()
          .withReplicas(3)
          .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
          .withNewTemplate()
            .withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
            .withNewSpec()
              .addNewContainer().withName("web").withImage("nginx:1.27").endContainer()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
    ServerSideApply.apply(client, deployment, false);

    var live = client.apps().deployments().inNamespace("rollout").withName("web");
    Eventually.holds("Deployment rollout/web Available with 3 replicas",
        () -> isAvailable(live.get()), () -> live.get().getStatus());
    assertEquals(3, client.pods().inNamespace("rollout").list().getItems().stream()
        .filter(pod -> TestCluster.NODE_NAME.equals(pod.getSpec().getNodeName()))
        .filter(pod -> "Running".equals(pod.getStatus().getPhase()))
        .count(), "pods running on the fake node");
  }

  @Test
  void jobCompletes(KubernetesClient client) {
    cluster.createNamespace("batch");
    Job job = new JobBuilder()
        .withNewMetadata().withName("once").withNamespace("batch").endMetadata()
        .withNewSpec()
          .withNewTemplate()
            .withNewSpec()
              .withRestartPolicy("Never")
              .addNewContainer().withName("once").withImage("busybox:1.37").endContainer()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
    ServerSideApply.apply(client, job, false);

    var live = client.batch().v1().jobs().inNamespace("batch").withName("once");
    Eventually.holds("Job batch/once Complete", () -> hasCondition(live.get(), "Complete"),
        () -> live.get().getStatus());
    assertEquals(1, live.get().getStatus().getSucceeded());
  }

  @Test
  void kubectlWithTheKubeconfigListsTheNode() throws IOException, InterruptedException {
    Process kubectl = new ProcessBuilder(ApiServerBinaries.kubectl().toString(),
        "--kubeconfig=" + cluster.kubeconfig(), "get", "nodes", "-o", "name")
        .redirectErrorStream(true)
        .start();
    String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(kubectl.waitFor(1, TimeUnit.MINUTES), "kubectl finished");
    assertEquals(0, kubectl.exitValue(), output);
    assertEquals("node/" + TestCluster.NODE_NAME, output.trim());
  }

  @Test
  void apiServerStoppedAndStartedAgainKeepsItsObjects(KubernetesClient client) {
    ConfigMap before = ServerSideApply.apply(client, new ConfigMapBuilder()
        .withNewMetadata().withName("survivor").withNamespace("default").endMetadata()
        .addToData("kept", "yes")
        .build(), false);
    long firstPid = cluster.processIds().get("kube-apiserver");

    cluster.stopApiServer();
    assertThrows(KubernetesClientException.class,
        () -> client.configMaps().inNamespace("default").withName("survivor").get(),
        "a request while kube-apiserver is down");
    cluster.startApiServer();

    assertNotEquals(firstPid, cluster.processIds().get("kube-apiserver"), "a new process");
    ConfigMap after = client.configMaps().inNamespace("default").withName("survivor").get();
    assertEquals(before.getMetadata().getUid(), after.getMetadata().getUid());
    assertEquals(Map.of("kept", "yes"), after.getData());
    // the controllers are back too: a fresh namespace gets its ServiceAccount
    cluster.createNamespace("after-restart");
    assertEquals("default", client.serviceAccounts().inNamespace("after-restart")
        .withName("default").get().getMetadata().getName());
  }

  private static boolean isAvailable(Deployment deployment) {
    return deployment != null && deployment.getStatus() != null
        && Integer.valueOf(3).equals(deployment.getStatus().getAvailableReplicas())
        && deployment.getStatus().getConditions() != null && deployment.getStatus().getConditions().stream().anyMatch(
            c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean hasCondition(Job job, String type) {
    return job != null && job.getStatus() != null && job.getStatus().getConditions() != null
        && job.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
