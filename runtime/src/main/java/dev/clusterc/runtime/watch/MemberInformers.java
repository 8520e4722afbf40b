package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.inventory.ApplySetKeys;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One informer per kind clusterc manages, over the members of one ApplySet only (label selector
 * {@code applyset.kubernetes.io/part-of=<id>}, all namespaces), each reporting the id of every
 * object it sees added, changed or deleted. Their caches keep objects without managedFields and status. {@link SelfHeal} uses it under its lock, but may {@link #close} it from any thread.
 */
final class MemberInformers implements AutoCloseable {
  private final KubernetesClient client;
  private final String applySetId;
  private final Consumer<ObjectId> noted;
  private final Map<String, SharedIndexInformer<GenericKubernetesResource>> byKind = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** {@code noted} runs on the informers' threads: it must only hand the id on. */
  MemberInformers(KubernetesClient client, String applySetId, Consumer<ObjectId> noted) {
    this.client = client;
    this.applySetId = applySetId;
    this.noted = noted;
  }

  /**
   * Starts the informer of {@code example}'s kind unless one runs, and waits for its first LIST. A
   * kind not served (yet) gets none: its objects are read from the server and it is tried again later.
   *
   * @return whether it started one now (its cache then holds the objects as they are now)
   */
  boolean watch(GenericKubernetesResource example) {
    String kind = ObjectId.of(example).groupKind();
    if (closed || byKind.containsKey(kind)) {
      return false;
    }
    try {
      SharedIndexInformer<GenericKubernetesResource> informer = client
          .genericKubernetesResources(example.getApiVersion(), example.getKind()).inAnyNamespace()
          .withLabel(ApplySetKeys.PART_OF, applySetId).runnableInformer(0);
      informer.addEventHandler(new Handler());
      informer.itemStore(new Lean());
      try {
        informer.run(); // waits for the first LIST
      } catch (RuntimeException e) {
        informer.close();
        throw e;
      }
      byKind.put(kind, informer);
      if (closed) { // closed from another thread while it listed
        byKind.remove(kind);
        informer.close();
        return false;
      }
      return true;
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  /** Stops the informers of kinds ({@code Kind.group}) not in {@code kinds}. */
  void retain(Set<String> kinds) {
    byKind.keySet().removeIf(kind -> {
      boolean unused = !kinds.contains(kind);
      if (unused) {
        byKind.get(kind).close();
      }
      return unused;
    });
  }

  /** Whether a running informer's cache answers for {@code id}'s kind. */
  boolean caches(ObjectId id) {
    SharedIndexInformer<GenericKubernetesResource> informer = byKind.get(id.groupKind());
    return informer != null && informer.isRunning();
  }

  /** {@code id}'s object in its kind's cache, null when absent; only when {@link #caches} says so. */
  GenericKubernetesResource cached(ObjectId id) {
    SharedIndexInformer<GenericKubernetesResource> informer = byKind.get(id.groupKind());
    if (informer == null) {
      throw new KubernetesClientException("the informer of " + id.groupKind() + " was stopped");
    }
    return informer.getStore().getByKey(Cache.namespaceKeyFunc(id.namespace(), id.name()));
  }

  /** The members of {@code example}'s kind on the server now: one LIST. */
  Map<ObjectId, GenericKubernetesResource> list(GenericKubernetesResource example) {
    Map<ObjectId, GenericKubernetesResource> listed = new HashMap<>();
    client.genericKubernetesResources(example.getApiVersion(), example.getKind()).inAnyNamespace()
        .withLabel(ApplySetKeys.PART_OF, applySetId).list().getItems()
        .forEach(live -> listed.put(ObjectId.of(live), live));
    return listed;
  }

  @Override
  public void close() {
    closed = true;
    byKind.values().forEach(SharedIndexInformer::close);
    byKind.clear();
  }

  /**
   * The cache, without what a projection never looks at: managedFields and status are dropped from each
   * object as it is stored (they are often most of it). A heal reads the object from the server first,
   * whole, so who changed a field is still known.
   */
  private static final class Lean extends BasicItemStore<GenericKubernetesResource> {
    Lean() {
      super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
      if (object.getMetadata() != null) {
        object.getMetadata().setManagedFields(null);
      }
      object.getAdditionalProperties().remove("status");
      return super.put(key, object);
    }
  }

  /** Hands the id of every object seen on; nothing more on the informer's thread. */
  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource object) {
      noted.accept(ObjectId.of(object));
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
      noted.accept(ObjectId.of(after));
    }

    @Override
    public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
      noted.accept(ObjectId.of(object));
    }
  }
}
