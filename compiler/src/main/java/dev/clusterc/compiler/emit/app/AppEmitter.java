package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.DriftIgnoreAnnotation;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.ManifestsMetadata;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.files.RawObject;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.DriftIgnore;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code app}: its ServiceAccount and role when it has {@code access} ({@link AppServiceAccount}),
 * the ConfigMap of its {@code config} files ({@link AppConfigMap}), its Deployment
 * ({@link AppDeployment}), its Service when it has ports
 * ({@link AppService}), a PodDisruptionBudget when it spreads over nodes
 * ({@link AppPlacement}), an HTTPRoute per route ({@link AppRoutes}), the copy of the credentials
 * of a database in another namespace ({@link DatabaseCredentialsCopy}) and the objects of
 * its raw {@code manifests}, all in the app's namespace (a raw object keeps the namespace it names,
 * and a cluster-scoped one has none). Its {@code ignore-drift} rules annotate each of these objects
 * they cover ({@link DriftIgnoreAnnotation}).
 *
 * <p>The emitter reads the lowered {@link App}. The raw objects are those analysis read and checked
 * ({@link dev.clusterc.compiler.files.ReferencedFiles}); the emitter completes a fresh copy of each
 * ({@link ManifestsMetadata}) and opens no file.
 */
public final class AppEmitter implements Emitter {
  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    App app = App.of(context.program().model(), decl);
    List<KubeObject> raw = new ArrayList<>();
    for (RawObject object : context.program().files().manifests(decl)) {
      KubeObject tree = object.toObject();
      ManifestsMetadata.complete(tree, decl, entrySpan(decl, object.entry().entry().span()), context);
      raw.add(tree);
    }
    List<KubeObject> objects = new ArrayList<>(AppServiceAccount.of(app, context));
    AppConfigMap.of(app, context).ifPresent(objects::add);
    objects.add(AppDeployment.of(app, context));
    AppService.of(app, context).ifPresent(objects::add);
    AppPlacement.disruptionBudget(app, context).ifPresent(objects::add);
    objects.addAll(AppRoutes.of(app, context));
    for (App.DatabaseRead read : app.databases()) {
      DatabaseCredentialsCopy.copy(app, read, context).ifPresent(objects::add);
    }
    objects.addAll(raw);
    DriftIgnoreAnnotation.apply(DriftIgnore.of(decl), objects);
    objects.forEach(unit::add);
  }

  /** The labels that select an app's pods; stable across versions of the app. */
  static Map<String, String> selector(App app) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", app.decl().name());
    labels.put("app.kubernetes.io/instance", app.decl().name());
    return labels;
  }

  /**
   * Where an object made for one entry comes from: the entry when it is written in the declaration
   * itself, else (an entry from a template) the declaration, as the other emitters point.
   */
  static SourceSpan entrySpan(Decl decl, SourceSpan span) {
    SourceSpan own = decl.source().span();
    boolean inside = own.file() == span.file() && own.start() <= span.start() && span.end() <= own.end();
    return inside ? span : decl.site();
  }
}
