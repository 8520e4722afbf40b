package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeAffinityBuilder;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodAntiAffinityBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where an app's pods may run: pinned to the node of the {@code local NODE at PATH} volumes it
 * mounts (the data is only there), else to its {@code on [NODE…]}; and spread over nodes when it
 * has more than one replica and {@code spread} is not false, with a PodDisruptionBudget that lets a
 * node drain take one pod at a time, so the app keeps serving while nodes are upgraded.
 *
 * <p>Nodes are matched by {@code kubernetes.io/hostname}, which is the node's name in the sources.
 * The spread is a preference (weight 100), not a requirement: a required anti-affinity would leave
 * a rolling update's extra pod unschedulable whenever replicas equal the eligible nodes.
 */
final class AppPlacement {
  static final String HOSTNAME = "kubernetes.io/hostname";

  private AppPlacement() {}

  /** The pod's affinity, or {@code null} when it may run anywhere. */
  static Affinity of(Decl app) {
    NodeAffinity nodes = nodeAffinity(app);
    PodAntiAffinity spread = spreads(app) ? antiAffinity(app) : null;
    if (nodes == null && spread == null) {
      return null;
    }
    return new AffinityBuilder().withNodeAffinity(nodes).withPodAntiAffinity(spread).build();
  }

  /** The app's PodDisruptionBudget, when it spreads. */
  static Optional<PodDisruptionBudget> disruptionBudget(Decl app, EmitContext context) {
    if (!spreads(app)) {
      return Optional.empty();
    }
    return Optional.of(new PodDisruptionBudgetBuilder()
        .withMetadata(context.meta(app, app.name(), context.namespaceOf(app)))
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector().withMatchLabels(AppEmitter.selector(app)).endSelector()
        .endSpec()
        .build());
  }

  /** Whether the app runs more than one replica and does not turn {@code spread} off. */
  static boolean spreads(Decl app) {
    return replicas(app) > 1 && app.body().bool("spread").orElse(true);
  }

  static int replicas(Decl app) {
    return Math.toIntExact(app.body().integer("replicas").orElse(1L));
  }

  /** The nodes the app is pinned to, in order: its local volumes' node, else its {@code on} list. */
  static List<String> pinnedNodes(Decl app) {
    Set<String> local = new LinkedHashSet<>();
    for (BoundEntry mount : app.body().all("mount")) {
      mount.ref("volume").flatMap(AppPlacement::localNode).ifPresent(local::add);
    }
    if (!local.isEmpty()) {
      return new ArrayList<>(local);
    }
    Set<String> on = new LinkedHashSet<>();
    app.body().first("on").ifPresent(e -> e.refs("value").forEach(node -> on.add(node.name())));
    return new ArrayList<>(on);
  }

  private static Optional<String> localNode(Decl volume) {
    return volume.body().first("local").flatMap(e -> e.get("node"))
        .filter(Typed.Ref.class::isInstance).map(t -> ((Typed.Ref) t).name());
  }

  private static NodeAffinity nodeAffinity(Decl app) {
    List<String> nodes = pinnedNodes(app);
    if (nodes.isEmpty()) {
      return null;
    }
    return new NodeAffinityBuilder()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .addNewMatchExpression().withKey(HOSTNAME).withOperator("In").withValues(nodes).endMatchExpression()
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .build();
  }

  private static PodAntiAffinity antiAffinity(Decl app) {
    return new PodAntiAffinityBuilder()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(100)
        .withNewPodAffinityTerm()
        .withNewLabelSelector().withMatchLabels(AppEmitter.selector(app)).endLabelSelector()
        .withTopologyKey(HOSTNAME)
        .endPodAffinityTerm()
        .endPreferredDuringSchedulingIgnoredDuringExecution()
        .build();
  }
}
