package dev.clusterc.runtime.status;

import dev.clusterc.runtime.kube.RequestFailure;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;

/**
 * Reads one object from the cluster and computes its status: one GET per call. The resource name
 * of each apiVersion and kind comes from {@link ServedKinds}; a kind not served yet (its CRD not
 * established) reads as NotFound and is looked up again next time.
 */
final class StatusReader {
  private final KubernetesClient client;
  private final Clock clock;
  private final ServedKinds kinds;

  StatusReader(KubernetesClient client, ServedKinds kinds, Clock clock) {
    this.client = client;
    this.kinds = kinds;
    this.clock = clock;
  }

  /**
   * The status of the live object {@code desired} names. A failed request gives Unknown with the
   * error's first line (a wait keeps trying); only an interruption is thrown.
   */
  StatusResult read(GenericKubernetesResource desired) throws InterruptedException {
    try {
      ResourceDefinitionContext resource = kinds.resource(desired.getApiVersion(), desired.getKind());
      if (resource == null) {
        return new StatusResult(Status.NOT_FOUND, "KindNotServed",
            desired.getKind() + " (" + desired.getApiVersion() + ") is not served by the cluster (yet)");
      }
      var operation = client.genericKubernetesResources(resource);
      String namespace = desired.getMetadata().getNamespace();
      GenericKubernetesResource live = resource.isNamespaceScoped() && namespace != null
          ? operation.inNamespace(namespace).withName(desired.getMetadata().getName()).get()
          : operation.withName(desired.getMetadata().getName()).get();
      return live == null ? StatusResult.notFound() : KStatus.compute(live, clock);
    } catch (RuntimeException e) { // KubernetesClientException mostly; a wait must not die of one odd object
      if (Thread.interrupted() || e.getCause() instanceof InterruptedException) {
        throw new InterruptedException("stopped while reading " + desired.getKind() + " "
            + desired.getMetadata().getName());
      }
      return StatusResult.unknown("ReadFailed", "cannot read it: " + RequestFailure.withCause(e));
    }
  }

}
