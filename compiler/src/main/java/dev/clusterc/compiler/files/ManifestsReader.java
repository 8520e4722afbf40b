package dev.clusterc.compiler.files;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.rules.DatabaseReaders;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Value;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the raw objects of an app's {@code manifests} entries: a path relative to the directory of
 * the file that declares the entry ({@link BoundedFile}), or a text block holding the YAML itself
 * (also any string with a line break, as a template parameter may pass one). Each is one or more
 * YAML documents ({@link YamlDocuments}); empty documents are skipped, every other one must be an
 * object with a valid {@code apiVersion}, {@code kind}, {@code metadata.name} and, when given,
 * {@code metadata.namespace} ({@link KubernetesNames}). Every problem is an {@code invalid-value}
 * at the entry (at the line itself in a text block), and an entry with a problem adds no object.
 */
final class ManifestsReader {
  private static final String NEEDS = "every object needs `apiVersion`, `kind` and `metadata.name`";

  private final Path workingDirectory;
  private final Consumer<Diagnostic> report;
  /**
   * Each distinct text is parsed once, however many apps name it: a file of aliases that expands
   * toward the bound costs its full expansion every time, and documents are never changed after
   * reading ({@link RawObject#fields}), so apps can share them.
   */
  private final Map<String, YamlDocuments.Parsed> parsed = new HashMap<>();

  ManifestsReader(Path workingDirectory, Consumer<Diagnostic> report) {
    this.workingDirectory = workingDirectory;
    this.report = report;
  }

  /** Where one entry's YAML comes from, for messages and positions. */
  private record Source(Decl app, BoundEntry entry, Typed.Str value, String name, boolean inline) {}

  /** The objects of every {@code manifests} entry of {@code app}, in order. */
  List<RawObject> read(Decl app) {
    List<RawObject> objects = new ArrayList<>();
    for (BoundEntry entry : app.body().all("manifests")) {
      if (entry.value() instanceof Typed.Str value) {
        objects.addAll(entry(app, entry, value));
      }
    }
    return objects;
  }

  private List<RawObject> entry(Decl app, BoundEntry entry, Typed.Str value) {
    boolean textBlock = !entry.entry().args().isEmpty() && entry.entry().args().get(0) instanceof Value.Str s && s.textBlock();
    String text;
    Source source;
    if (textBlock || value.value().contains("\n")) {
      source = new Source(app, entry, value, "the inline manifests of " + app.label(), true);
      text = value.value();
    } else {
      Path shown;
      try {
        Path declaringDir = Path.of(value.span().file().path()).getParent();
        shown = (declaringDir == null ? Path.of(value.value()) : declaringDir.resolve(value.value())).normalize();
      } catch (InvalidPathException e) {
        fileProblem(app, value, "`" + KubernetesNames.shown(value.value()) + "` is not a valid path: " + e.getReason());
        return List.of();
      }
      BoundedFile.Read read = BoundedFile.read(workingDirectory.resolve(shown));
      if (!read.ok()) {
        fileProblem(app, value, shown + " " + read.problem());
        return List.of();
      }
      source = new Source(app, entry, value, shown.toString(), false);
      text = read.content().text();
    }
    YamlDocuments.Parsed parsed = this.parsed.computeIfAbsent(text, YamlDocuments::parse);
    if (parsed.problem() != null) {
      YamlDocuments.Problem problem = parsed.problem();
      String at = problem.where().isEmpty() ? "" : " at " + problem.where();
      String message = source.inline()
          ? source.name() + " are not valid YAML" + at + ": " + problem.reason()
          : "manifests of " + app.label() + ": " + source.name() + " is not valid YAML" + at + ": " + problem.reason();
      report.accept(Diagnostic.error(Code.INVALID_VALUE, span(source, Math.max(problem.line(), 1)), message));
      return List.of();
    }
    List<RawObject> objects = new ArrayList<>();
    boolean broken = false;
    for (YamlDocuments.Document document : parsed.documents()) {
      RawObject object = object(source, document);
      broken |= object == null;
      if (object != null) {
        objects.add(object);
      }
    }
    return broken ? List.of() : objects;
  }

  private void fileProblem(Decl app, Typed.Str value, String problem) {
    report.accept(Diagnostic.error(Code.INVALID_VALUE, value.span(), "manifests of " + app.label() + ": " + problem)
        .withHint("a `manifests` path is relative to the directory of the file that declares it"));
  }

  @SuppressWarnings("unchecked")
  private RawObject object(Source source, YamlDocuments.Document document) {
    SourceSpan span = span(source, document.line());
    String prefix = (source.inline() ? "" : "manifests of " + source.app().label() + ": ") + "the document at " + where(source, document);
    String missing = missing(document.value());
    if (missing != null) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, span, prefix + " " + missing).withHint(NEEDS));
      return null;
    }
    Map<String, Object> fields = (Map<String, Object>) document.value();
    Map<String, Object> metadata = (Map<String, Object>) fields.get("metadata");
    String apiVersion = (String) fields.get("apiVersion");
    String kind = (String) fields.get("kind");
    String name = (String) metadata.get("name");
    Object ownNamespace = metadata.get("namespace");
    String problem = KubernetesNames.apiVersionProblem(apiVersion);
    if (problem == null) {
      problem = KubernetesNames.kindProblem(kind);
    }
    if (problem == null && ObjectKinds.misspelled(kind) != null) {
      problem = "`kind: " + kind + "` is spelled `" + ObjectKinds.misspelled(kind) + "` (kinds are case-sensitive)";
    }
    if (problem == null) {
      problem = KubernetesNames.nameProblem(kind, name);
    }
    if (problem == null && ownNamespace != null && !(ownNamespace instanceof String)) {
      problem = "`metadata.namespace` is not a string";
    }
    if (problem == null && ownNamespace instanceof String ns && !ns.isEmpty()) {
      problem = KubernetesNames.namespaceProblem(ns);
    }
    if (problem == null) {
      problem = textMapProblem(metadata, "labels");
    }
    if (problem == null) {
      problem = textMapProblem(metadata, "annotations");
    }
    if (problem != null) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, span, prefix + ": " + problem));
      return null;
    }
    String namespace = !ObjectKinds.namespaced(kind) ? null
        : ownNamespace instanceof String ns && !ns.isEmpty() ? ns : DatabaseReaders.appNamespace(source.app());
    int slash = apiVersion.indexOf('/');
    return new RawObject(fields, slash < 0 ? "" : apiVersion.substring(0, slash), kind, namespace, name,
        source.entry(), span, where(source, document));
  }

  /**
   * What is wrong with {@code metadata.KEY} as a map of texts (labels, annotations), or {@code null}:
   * the compiler adds its own entries to both, and Kubernetes takes only text values (numbers and
   * booleans are written as text).
   */
  private static String textMapProblem(Map<String, Object> metadata, String key) {
    Object value = metadata.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      return "`metadata." + key + "` is not a mapping";
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getValue() instanceof Map || entry.getValue() instanceof List) {
        return "`metadata." + key + "." + entry.getKey() + "` is not a text";
      }
    }
    return null;
  }

  /** What the document lacks to be an object, or {@code null}. */
  private static String missing(Object document) {
    if (!(document instanceof Map<?, ?> map)) {
      return "is not a mapping but " + (document instanceof List ? "a list" : "a scalar");
    }
    if (!(map.get("apiVersion") instanceof String apiVersion) || apiVersion.isBlank()) {
      return "has no `apiVersion`";
    }
    if (!(map.get("kind") instanceof String kind) || kind.isBlank()) {
      return "has no `kind`";
    }
    if (!(map.get("metadata") instanceof Map<?, ?> metadata)) {
      return "has no `metadata`";
    }
    if (!(metadata.get("name") instanceof String name) || name.isBlank()) {
      return "has no `metadata.name`";
    }
    return null;
  }

  /**
   * Where to point at a line of the YAML: that line in the {@code .cluster} file for a text block
   * (its first line break is dropped, so YAML line 1 is the line after the opening quotes), else
   * the entry's value.
   */
  private static SourceSpan span(Source source, int line) {
    SourceSpan value = source.value().span();
    boolean block = !source.entry().entry().args().isEmpty() && source.entry().entry().args().get(0) instanceof Value.Str s
        && s.textBlock() && s.span().equals(value) && s.isPlain();
    if (!source.inline() || !block) {
      return value;
    }
    var file = value.file();
    String text = file.text();
    int bodyStart = Math.min(value.start() + 3, value.end());
    boolean breakFirst = text.startsWith("\n", bodyStart) || text.startsWith("\r\n", bodyStart);
    int target = value.begin().line() + line - (breakFirst ? 0 : 1);
    if (target < 1 || target > value.finish().line()) {
      return value;
    }
    int start = file.offset(target, 1);
    int end = start + file.lineText(target).length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    if (start < value.start() || end > value.end()) {
      return value;
    }
    return new SourceSpan(file, start, end);
  }

  private static String where(Source source, YamlDocuments.Document document) {
    return source.inline() ? "line " + document.line() + " of " + source.name() : source.name() + ":" + document.line();
  }
}
