/**
 * The connection to a live cluster and what clusterc does to one object on it: read the kubeconfig
 * as kubectl does, count the requests sent, plan an object (server-side apply dry-run compared with
 * the live object), apply it only when it drifted (field manager {@code clusterc}), report conflicts
 * with other field managers by name, refuse or force the re-creation of objects whose immutable
 * fields changed, and wait for CRDs and Namespaces to be usable.
 *
 * <p>Secret values never leave this package unmasked: diffs and messages hide them.
 */
package dev.clusterc.runtime.kube;
