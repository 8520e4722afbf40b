package dev.clusterc.compiler.emit.argocd;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.Tree;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * With {@code gitops argocd}: one Argo CD Application per unit, in Argo CD's namespace, annotated
 * with the unit's sync wave ({@link SyncWaves}), synced automatically with prune and self-heal and
 * deleted with its resources (the resources finalizer). A unit's files are a directory source at the
 * unit's path in the repository (a kustomization, which Argo CD builds); each chart the unit releases
 * ({@link ChartRelease}) is a Helm source: the chart repository, the chart, its version and the
 * values. A unit with more than one source gets {@code sources}. Helm-sourced Applications create
 * their destination namespace. The root Application syncs {@link ArgoCdSettings#APPS_DIR}.
 */
public final class ApplicationEmitter {
  public static final String API_VERSION = "argoproj.io/v1alpha1";
  public static final String KIND = "Application";

  /** Deleting an Application (the root prunes it) deletes what it deployed, as Flux's prune does. */
  static final String RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";

  private ApplicationEmitter() {}

  /** The Argo CD objects of a {@code gitops argocd} cluster, or empty for any other. */
  public static Optional<ArgoCdObjects> emit(Program program, EmitContext context, List<Unit> units) {
    ArgoCdSettings settings = ArgoCdSettings.of(context).orElse(null);
    if (settings == null) {
      return Optional.empty();
    }
    Decl cluster = program.cluster().orElseThrow();
    Map<Unit, Integer> waves = SyncWaves.of(units);
    List<KubeObject> apps = new ArrayList<>(OciRepositories.of(context, units, settings));
    for (Unit unit : units) {
      if (unit.isEmpty()) {
        continue; // a barrier of the ladder (LadderOrder): it has a wave, between its layers, but nothing to sync
      }
      apps.add(application(context, cluster, unit, waves.get(unit), settings));
    }
    return Optional.of(new ArgoCdObjects(apps, root(context, cluster, settings), settings));
  }

  private static KubeObject application(EmitContext context, Decl cluster, Unit unit, int wave, ArgoCdSettings settings) {
    List<Map<String, Object>> sources = new ArrayList<>();
    if (unit.hasFiles()) {
      sources.add(map("repoURL", settings.url(), "targetRevision", settings.revision(),
          "path", settings.path() + "/" + unit.layer() + "/" + unit.name()));
    }
    unit.releases().forEach(release -> sources.add(helm(release)));
    String namespace = unit.releases().isEmpty()
        ? (unit.decl() == null ? null : context.namespaceOf(unit.decl()))
        : unit.releases().get(0).namespace();
    Map<String, Object> spec = map("project", settings.project());
    if (sources.size() == 1) {
      spec.put("source", sources.get(0));
    } else {
      spec.put("sources", sources);
    }
    spec.put("destination", map("server", ArgoCdSettings.IN_CLUSTER, "namespace", namespace));
    List<String> options = new ArrayList<>();
    if (!unit.releases().isEmpty()) {
      options.add("CreateNamespace=true");
    }
    options.add("ServerSideApply=true");
    spec.put("syncPolicy", map("automated", map("prune", true, "selfHeal", true), "syncOptions", options));
    Decl source = unit.decl() != null ? unit.decl() : cluster;
    KubeObject application = context.object(source, API_VERSION, KIND, unit.name(), settings.namespace());
    application.annotations().put(SyncWaves.ANNOTATION, Integer.toString(wave));
    application.metadata().put("finalizers", List.of(RESOURCES_FINALIZER));
    return application.put("spec", spec);
  }

  /**
   * A chart as a Helm source. Argo CD names a chart of an OCI registry by the registry and path
   * without the {@code oci://} scheme (declared as an OCI Helm repository, {@link OciRepositories}).
   */
  static Map<String, Object> helm(ChartRelease release) {
    Map<String, Object> helm = map("releaseName", release.name());
    if (!release.values().isEmpty()) {
      helm.put("valuesObject", Tree.copy(release.values()));
    }
    return map("repoURL", OciRepositories.repoUrl(release.repository()), "chart", release.chart(),
        "targetRevision", release.version(), "helm", helm);
  }

  /** The "app of apps": syncs every Application of the tree, and prunes one whose unit is gone. */
  private static KubeObject root(EmitContext context, Decl cluster, ArgoCdSettings settings) {
    Map<String, Object> spec = map(
        "project", settings.project(),
        "source", map("repoURL", settings.url(), "targetRevision", settings.revision(),
            "path", settings.path() + "/" + ArgoCdSettings.APPS_DIR),
        "destination", map("server", ArgoCdSettings.IN_CLUSTER, "namespace", settings.namespace()),
        "syncPolicy", map("automated", map("prune", true, "selfHeal", true)));
    return context.object(cluster, API_VERSION, KIND, settings.rootName(), settings.namespace()).put("spec", spec);
  }
}
