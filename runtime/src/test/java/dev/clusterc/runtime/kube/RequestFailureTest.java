package dev.clusterc.runtime.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** A failed request's message says why it failed: the server's words, or the connection's. */
class RequestFailureTest {
  @Test
  void theServersMessageWhenItAnswered() {
    KubernetesClientException e = new KubernetesClientException(new StatusBuilder().withCode(422)
        .withMessage("Deployment.apps \"web\" is invalid: spec.replicas: must be >= 0").build());
    assertEquals("Deployment.apps \"web\" is invalid: spec.replicas: must be >= 0", RequestFailure.describe(e));
  }

  @Test
  void whyTheConnectionFailedWhenItDidNot() {
    KubernetesClientException e = new KubernetesClientException("Operation: [get]  for kind: [Secret]  failed.",
        new IOException("An error has occurred.", new ConnectException("Connection refused")));
    assertEquals("Operation: [get]  for kind: [Secret]  failed (Connection refused)", RequestFailure.describe(e));
  }

  @Test
  void aCauseWithoutMessageIsNamedByItsKind() {
    assertEquals("An error has occurred (ConnectException)",
        RequestFailure.withCause(new RuntimeException("An error has occurred.\nmore", new ConnectException())));
  }

  @Test
  void noCauseLeavesTheMessage() {
    assertEquals("cannot list", RequestFailure.withCause(new RuntimeException("cannot list")));
  }
}
