package dev.clusterc.compiler.api;

/**
 * How a compile delivers the cluster's units: as its {@code gitops} block says (Flux or Argo CD
 * objects that deploy the tree, or, without one, plain objects with the charts rendered), or
 * directly whatever {@code gitops} says — the charts rendered into plain objects by the Helm
 * library and no Flux or Argo CD object, which is what clusterc's runtime applies itself.
 */
public enum Delivery {
  /** As the cluster's {@code gitops} block says: what {@code clusterc compile} writes. */
  DECLARED,
  /** Every unit's objects applied as they are, charts rendered; no Flux or Argo CD object. */
  DIRECT
}
