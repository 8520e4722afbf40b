package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.program.DatabaseReaders;
import dev.clusterc.compiler.program.Decl;
import dev.clusterc.compiler.source.SourceSpan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code app}: its Deployment ({@link AppDeployment}), its Service when it has ports
 * ({@link AppService}), a PodDisruptionBudget when it spreads over nodes
 * ({@link AppPlacement}), an HTTPRoute per route ({@link AppRoutes}), the copy of the credentials
 * of a database in another namespace ({@link DatabaseCredentialsCopy}) and the objects of
 * its raw {@code manifests} ({@link ManifestsLoader}), all in the app's namespace (a raw object
 * keeps the namespace it names, and a cluster-scoped one has none).
 *
 * <p>The raw manifests are read first, so that an app whose manifests are broken adds nothing to
 * its unit and the {@link ManifestsException} names every problem.
 */
public final class AppEmitter implements Emitter {
  private final Path workingDirectory;

  /** An emitter for sources whose paths are relative to the current directory, as the command line reads them. */
  public AppEmitter() {
    this(Path.of(""));
  }

  /**
   * @param workingDirectory the directory the sources' paths are relative to: that of the
   *     {@code Workspace} they were read with (a {@code manifests} path is found through it)
   */
  public AppEmitter(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  /** @throws ManifestsException when a {@code manifests} entry cannot be read or holds no valid objects */
  @Override
  public void emit(Decl app, EmitContext context, Unit unit) {
    List<GenericKubernetesResource> raw = ManifestsLoader.load(app, context, workingDirectory);
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
  static SourceSpan entrySpan(Decl decl, BoundEntry entry) {
    SourceSpan span = entry.entry().span();
    SourceSpan own = decl.source().span();
    boolean inside = own.file() == span.file() && own.start() <= span.start() && span.end() <= own.end();
    return inside ? span : decl.site();
  }
}
