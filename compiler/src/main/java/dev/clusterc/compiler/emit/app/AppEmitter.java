package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.ManifestsMetadata;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.files.RawObject;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.rules.DatabaseReaders;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code app}: its Deployment ({@link AppDeployment}), its Service when it has ports
 * ({@link AppService}), a PodDisruptionBudget when it spreads over nodes
 * ({@link AppPlacement}), an HTTPRoute per route ({@link AppRoutes}), the copy of the credentials
 * of a database in another namespace ({@link DatabaseCredentialsCopy}) and the objects of
 * its raw {@code manifests}, all in the app's namespace (a raw object keeps the namespace it names,
 * and a cluster-scoped one has none).
 *
 * <p>The raw objects are those analysis read and checked ({@link dev.clusterc.compiler.files.ReferencedFiles});
 * the emitter completes a fresh copy of each ({@link ManifestsMetadata}) and opens no file.
 */
public final class AppEmitter implements Emitter {
  @Override
  public void emit(Decl app, EmitContext context, Unit unit) {
    List<KubeObject> raw = new ArrayList<>();
    for (RawObject object : context.program().files().manifests(app)) {
      KubeObject tree = object.toObject();
      ManifestsMetadata.complete(tree, app, entrySpan(app, object.entry()), context);
      raw.add(tree);
    }
    unit.add(AppDeployment.of(app, context));
    AppService.of(app, context).ifPresent(unit::add);
    AppPlacement.disruptionBudget(app, context).ifPresent(unit::add);
    AppRoutes.of(app, context).forEach(unit::add);
    for (BoundEntry entry : DatabaseReaders.foreign(app)) {
      DatabaseCredentialsCopy.copy(app, entry, context).ifPresent(unit::add);
    }
    raw.forEach(unit::add);
  }

  /** The labels that select an app's pods; stable across versions of the app. */
  static Map<String, String> selector(Decl app) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", app.name());
    labels.put("app.kubernetes.io/instance", app.name());
    return labels;
  }

  /**
   * Where an object made for one entry comes from: the entry when it is written in the declaration
   * itself, else (an entry from a template) the declaration, as the other emitters point.
   */
  public static SourceSpan entrySpan(Decl decl, BoundEntry entry) {
    SourceSpan span = entry.entry().span();
    SourceSpan own = decl.source().span();
    boolean inside = own.file() == span.file() && own.start() <= span.start() && span.end() <= own.end();
    return inside ? span : decl.site();
  }
}
