package dev.clusterc.runtime.kube;

import dev.clusterc.runtime.model.ObjectId;

/**
 * An object clusterc cannot apply as asked: a conflict with another field manager, an immutable
 * field changed without {@code --force}, a claim or volume that would have to be re-created, or
 * (from a plan) an object the API server rejects.
 * The message says what to do; it never holds a Secret's values.
 */
public final class ObjectRefused extends RuntimeException {
  private final transient ObjectId object;

  public ObjectRefused(ObjectId object, String message) {
    super(object + ": " + message);
    this.object = object;
  }

  public ObjectId object() {
    return object;
  }
}
