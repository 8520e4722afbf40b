package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Proves that each test class has a server of its own: a class marks its server with a namespace,
 * and finds no other class's mark there (whichever class runs first).
 */
final class OnePerClass {

  private OnePerClass() {}

  static void assertOwnServer(KubernetesClient client, String mark) {
    ServerSideApply.apply(client,
        new NamespaceBuilder().withNewMetadata().withName(mark).endMetadata().build(), false);
    List<String> marks = client.namespaces().list().getItems().stream()
        .map(ns -> ns.getMetadata().getName())
        .filter(name -> name.startsWith("owner-"))
        .collect(Collectors.toList());
    assertEquals(List.of(mark), marks, "namespaces marked by test classes");
    assertEquals(1, TestApiServer.running(), "servers running in this JVM");
  }
}
