package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppMount;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where an app's pods may run: pinned to the node of the {@code local NODE at PATH} volumes it
 * mounts (the data is only there), else to its {@code on [NODE…]}; and spread over nodes when it
 * has more than one replica and {@code spread} is not false ({@link App#spread()}), with a
 * PodDisruptionBudget that lets a node drain take one pod at a time, so the app keeps serving while
 * nodes are upgraded.
 *
 * <p>Nodes are matched by {@code kubernetes.io/hostname}, which is the node's name in the sources.
 * The spread is a preference (weight 100), not a requirement: a required anti-affinity would leave
 * a rolling update's extra pod unschedulable whenever replicas equal the eligible nodes.
 */
final class AppPlacement {
  static final String HOSTNAME = "kubernetes.io/hostname";

  private AppPlacement() {}

  /** The pod's affinity, or {@code null} when it may run anywhere. */
  static Map<String, Object> of(App app, ClusterModel model) {
    Map<String, Object> nodes = nodeAffinity(app, model);
    Map<String, Object> spread = app.spread() ? antiAffinity(app) : null;
    if (nodes == null && spread == null) {
      return null;
    }
    return map("nodeAffinity", nodes, "podAntiAffinity", spread);
  }

  /** The app's PodDisruptionBudget, when it spreads. */
  static Optional<KubeObject> disruptionBudget(App app, EmitContext context) {
    if (!app.spread()) {
      return Optional.empty();
    }
    KubeObject budget = context.object(app.decl(), "policy/v1", "PodDisruptionBudget", app.decl().name(), app.namespace());
    budget.put("spec", map("maxUnavailable", 1, "selector", map("matchLabels", AppEmitter.selector(app))));
    return Optional.of(budget);
  }

  /** The nodes the app is pinned to, in order: its local volumes' node, else its {@code on} list. */
  static List<String> pinnedNodes(App app, ClusterModel model) {
    Set<String> local = new LinkedHashSet<>();
    for (AppMount mount : app.mounts()) {
      if (mount.target() != null) {
        Volume.Local node = Volume.of(model, mount.target()).local();
        if (node != null) {
          local.add(node.node().name());
        }
      }
    }
    if (!local.isEmpty()) {
      return new ArrayList<>(local);
    }
    Set<String> on = new LinkedHashSet<>();
    app.on().forEach(node -> on.add(node.target().name()));
    return new ArrayList<>(on);
  }

  private static Map<String, Object> nodeAffinity(App app, ClusterModel model) {
    List<String> nodes = pinnedNodes(app, model);
    if (nodes.isEmpty()) {
      return null;
    }
    Object expression = map("key", HOSTNAME, "operator", "In", "values", nodes);
    return map("requiredDuringSchedulingIgnoredDuringExecution",
        map("nodeSelectorTerms", list(map("matchExpressions", list(expression)))));
  }

  private static Map<String, Object> antiAffinity(App app) {
    Object term = map(
        "labelSelector", map("matchLabels", AppEmitter.selector(app)),
        "topologyKey", HOSTNAME);
    return map("preferredDuringSchedulingIgnoredDuringExecution", list(map("weight", 100, "podAffinityTerm", term)));
  }
}
