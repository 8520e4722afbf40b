package dev.clusterc.compiler.emit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * What a checked cluster compiles to: its units in apply order (the cluster-wide unit first), the
 * Flux objects that deploy them, and files that live outside the Kubernetes tree (Talos patches).
 *
 * @param name the cluster's name: the top directory of the GitOps layout
 * @param flux the GitRepository and one Kustomization per unit; empty without {@code gitops flux}
 * @param outside file name → text, written under {@code CLUSTER/talos/}
 */
public record Compilation(String name, List<Unit> units, List<HasMetadata> flux, Map<String, String> outside) {}
