package dev.clusterc.runtime.kube;

import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Waits until the objects of a unit's first stage can be used by the rest: a CRD Established with
 * its kind listed by API discovery (so its custom resources can be applied), a Namespace Active.
 * Other kinds ({@code *Class}) need no wait.
 */
public final class StagingWait {
  private static final long POLL_MILLIS = 100;

  private final KubernetesClient client;

  public StagingWait(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Waits for every CRD and Namespace among {@code objects}.
   *
   * @return the objects still not usable when {@code timeout} passed or {@code cancelled} said so, with why;
   *     empty when all are usable
   */
  public List<String> await(List<GenericKubernetesResource> objects, Duration timeout, BooleanSupplier cancelled) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<GenericKubernetesResource> pending = new ArrayList<>(objects);
    while (true) {
      pending.removeIf(this::usable);
      if (pending.isEmpty() || System.nanoTime() > deadline || cancelled.getAsBoolean()) {
        return pending.stream().map(o -> ObjectId.of(o) + " is not " + (isCrd(o) ? "Established" : "Active"))
            .toList();
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return pending.stream().map(o -> ObjectId.of(o) + ": interrupted while waiting").toList();
      }
    }
  }

  private boolean usable(GenericKubernetesResource object) {
    String name = object.getMetadata().getName();
    if (isCrd(object)) {
      CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
      return established(crd) && discovered(crd);
    }
    if (Kinds.isNamespace(ObjectId.of(object))) {
      Namespace namespace = client.namespaces().withName(name).get();
      return namespace != null && namespace.getStatus() != null && "Active".equals(namespace.getStatus().getPhase());
    }
    return true;
  }

  private static boolean isCrd(GenericKubernetesResource object) {
    return Kinds.isCrd(ObjectId.of(object));
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Every served version of the CRD lists its plural in discovery. */
  private boolean discovered(CustomResourceDefinition crd) {
    String plural = crd.getSpec().getNames().getPlural();
    for (var version : crd.getSpec().getVersions()) {
      if (!Boolean.TRUE.equals(version.getServed())) {
        continue;
      }
      try {
        APIResourceList list = client.getApiResources(crd.getSpec().getGroup() + "/" + version.getName());
        if (list == null || list.getResources().stream().noneMatch(r -> plural.equals(r.getName()))) {
          return false;
        }
      } catch (KubernetesClientException e) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code object} is waited for by {@link #await}: a CRD or a Namespace. */
  public static boolean needsWait(GenericKubernetesResource object) {
    ObjectId id = ObjectId.of(object);
    return Kinds.isCrd(id) || Kinds.isNamespace(id);
  }
}
