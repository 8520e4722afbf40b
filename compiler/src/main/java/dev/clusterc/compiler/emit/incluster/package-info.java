/**
 * {@code gitops clusterc { … }}: the unit {@code clusterc-runtime} that runs clusterc's own runtime in
 * the cluster — its namespace, ServiceAccount, the RBAC derived from what the cluster's units apply,
 * and the Deployment running {@code clusterc apply --watch --git …} with leader election.
 */
package dev.clusterc.compiler.emit.incluster;
