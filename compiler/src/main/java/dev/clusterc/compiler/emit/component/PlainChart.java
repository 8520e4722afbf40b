package dev.clusterc.compiler.emit.component;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.emit.core.ChartException;
import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.files.ObjectKinds;
import dev.clusterc.compiler.files.YamlDocuments;
import dev.clusterc.compiler.graph.Needs;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A chart as plain manifests, for a cluster without {@code gitops}: nothing there understands a
 * Flux HelmRelease, so the chart is rendered at compile time ({@link EmitContext#charts()}) and its
 * objects go into the unit like any other. Release name and namespace are the declaration's; the
 * chart's CRDs come first. A namespaced object the chart leaves without a namespace gets the
 * release's (what {@code helm install} would do), so that {@code kubectl apply} puts it where the
 * chart meant. Each object carries the declaration's source annotation; the chart's own labels are
 * left as they are (its selectors match on them). Other hooks stay, as ordinary objects; test
 * hooks, which only {@code helm test} runs, are left out.
 *
 * <p>A chart that cannot be fetched or rendered adds nothing and records a refusal
 * ({@link EmitContext#refuse}) naming chart, version and repository at the declaration: the
 * compile then writes nothing.
 */
public final class PlainChart {
  /** The API groups of the Gateway API's CRDs, standard and experimental. */
  private static final List<String> GATEWAY_API_GROUPS = List.of("gateway.networking.k8s.io", "gateway.networking.x-k8s.io");

  private PlainChart() {}

  /** Whether the units are applied directly (no {@code gitops}, or direct delivery asked), so charts are rendered here. */
  public static boolean rendered(EmitContext context) {
    return context.deployer() == Deployer.DIRECT;
  }

  /** The objects of {@code chart} released as {@code release} in {@code namespace}; empty after a refusal. */
  static List<KubeObject> objects(Decl decl, Component.Chart chart, String release, String namespace,
      Map<String, Object> values, EmitContext context) {
    String text;
    try {
      text = context.charts().render(chart, release, namespace, values);
    } catch (ChartException e) {
      context.refuse(refusal(decl, chart, e));
      return List.of();
    }
    YamlDocuments.Parsed parsed = YamlDocuments.parse(text);
    if (parsed.problem() != null) {
      context.refuse(refusal(decl, chart, new ChartException(ChartException.Stage.RENDER,
          "its rendered manifests are not YAML (" + parsed.problem().where() + ": " + parsed.problem().reason() + ")")));
      return List.of();
    }
    List<KubeObject> objects = new ArrayList<>();
    for (YamlDocuments.Document document : parsed.documents()) {
      if (!(document.value() instanceof Map<?, ?> tree) || !tree.containsKey("kind")) {
        continue;
      }
      KubeObject object;
      try {
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) tree;
        object = KubeObject.fromMap(typed);
      } catch (IllegalArgumentException e) {
        context.refuse(refusal(decl, chart, new ChartException(ChartException.Stage.RENDER,
            "it renders an object without apiVersion, kind or metadata.name (line " + document.line() + ")")));
        return List.of();
      }
      if (testHook(object) || copyOfGatewayApi(object, decl, context)) {
        continue;
      }
      if (object.namespace() == null && ObjectKinds.namespaced(object.kind())) {
        object.metadata().put("namespace", namespace);
      }
      object.annotations().put(EmitContext.SOURCE_ANNOTATION, context.source(decl.site()));
      objects.add(object);
    }
    return objects;
  }

  /**
   * A {@code helm test} hook ({@code helm.sh/hook: test}, or Helm 2's {@code test-success}): a Pod
   * that only {@code helm test} should run, which {@code kubectl apply} would start at once.
   */
  private static boolean testHook(KubeObject object) {
    Object hooks = object.metadata().get("annotations") instanceof Map<?, ?> annotations ? annotations.get("helm.sh/hook") : null;
    if (!(hooks instanceof String list)) {
      return false;
    }
    for (String hook : list.split(",")) {
      if (hook.strip().startsWith("test")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A chart's own copy of the Gateway API CRDs (Envoy Gateway's chart carries them) in a cluster
   * whose {@code gateway-api} component installs them: the unit of that component owns them, and
   * two units applying one object would refuse the compile.
   */
  private static boolean copyOfGatewayApi(KubeObject object, Decl decl, EmitContext context) {
    if (!object.kind().equals("CustomResourceDefinition") || !(object.tree().get("spec") instanceof Map<?, ?> spec)
        || !GATEWAY_API_GROUPS.contains(spec.get("group"))) {
      return false;
    }
    List<Decl> installers = context.program().providers(Needs.GATEWAY_API);
    return !installers.isEmpty() && !installers.contains(decl);
  }

  private static Diagnostic refusal(Decl decl, Component.Chart chart, ChartException e) {
    String what = "chart \"" + chart.chart() + "\" version \"" + chart.version() + "\" from " + chart.repository();
    if (e.stage() == ChartException.Stage.FETCH) {
      return Diagnostic.error(Code.CHART_UNAVAILABLE, decl.site(), what + " cannot be fetched: " + e.getMessage())
          .withHint("a cluster without `gitops` gets its charts rendered at compile time; check the repository"
              + " address, the network and that the repository lists this version, or add `gitops flux { … }`"
              + " to let Flux fetch the chart in the cluster");
    }
    return Diagnostic.error(Code.CHART_RENDER, decl.site(), what + " cannot be rendered: " + e.getMessage())
        .withHint("the chart's templates refused these values; check the component's `values` against the chart's");
  }
}
