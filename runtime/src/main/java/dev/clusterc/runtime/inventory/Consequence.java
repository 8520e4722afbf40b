package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.ObjectId;

/**
 * What a change to one object does to the cluster, said in cluster terms: "deleting claim data/pg-1
 * loses its volume's data", "CloudNativePG Cluster db/pg: instances 3 → 1, no standby left".
 *
 * @param object the object whose change has the consequence
 * @param risk what kind of consequence, and so which flag allows it
 * @param message the consequence, naming the object
 */
public record Consequence(ObjectId object, Risk risk, String message) {
  /** {@code message (allowed by --flag)}, or the message alone when no flag allows it (it says so). */
  @Override
  public String toString() {
    return risk.flag() == null ? message : message + " (allowed by " + risk.flag() + ")";
  }
}
