package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.files.RawObject;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.DriftIgnore;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The {@code ignore-drift POINTER [in KIND]} rules of apps and components, which become the
 * {@code clusterc.dev/drift-ignore} annotation clusterc's runtime reads. Each is {@code invalid-value}
 * when the runtime could not honour it or it would ignore nothing:
 *
 * <ul>
 *   <li>a POINTER that is no RFC 6901 JSON pointer: empty (the whole object), not starting with
 *       {@code /}, or a {@code ~} not written as {@code ~0} or {@code ~1};</li>
 *   <li>a POINTER holding a comma or a line break, which the annotation uses to separate pointers;</li>
 *   <li>a POINTER at the object's identity ({@code /apiVersion}, {@code /kind}, {@code /metadata}
 *       itself, its {@code name}, {@code namespace} or {@code uid}): identity does not drift, an
 *       object with another one is another object;</li>
 *   <li>a KIND the declaration compiles to no object of, with did-you-mean against the kinds it
 *       does; an app's kinds follow its entries ({@link #appKinds}); a component's come from its
 *       chart, which {@code check} does not render, so they are judged only for a component
 *       without a chart, which compiles to nothing.</li>
 * </ul>
 */
public final class DriftIgnoreChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Kind kind : List.of(Kind.APP, Kind.COMPONENT)) {
      for (Decl decl : program.decls(kind)) {
        List<DriftIgnore> rules = DriftIgnore.of(decl).stream()
            .filter(rule -> !decl.isStd() || inUse(decl, rule)).toList();
        if (!rules.isEmpty()) {
          Consumer<Diagnostic> placed = found -> report.accept(Sites.placed(program, decl, found));
          rules.forEach(rule -> check(program, decl, rule, placed));
        }
      }
    }
  }

  /** Whether a rule of a standard component is written in its {@code use}, where the user can edit it. */
  private static boolean inUse(Decl decl, DriftIgnore rule) {
    return decl.use() != null && decl.use().span().file() == rule.span().file()
        && decl.use().span().start() <= rule.span().start() && rule.span().end() <= decl.use().span().end();
  }

  private static void check(Program program, Decl decl, DriftIgnore rule, Consumer<Diagnostic> report) {
    if (rule.pointer() != null) {
      pointer(decl, rule, report);
    }
    if (rule.kind() == null) {
      return;
    }
    if (decl.kind() == Kind.COMPONENT) {
      if (Component.of(program.model(), decl).chart().isEmpty()) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, rule.span(), decl.label() + " has no chart, so it compiles to no "
                + rule.kind().value() + " for `ignore-drift` to apply to")
            .withHint("give it a `chart`, or remove the entry"));
      }
      return;
    }
    Set<String> kinds = appKinds(program, decl);
    String written = rule.kind().value();
    if (!kinds.contains(written)) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, rule.kind().span(), decl.label() + " compiles to no " + written
              + ", so `ignore-drift … in " + written + "` would ignore nothing")
          .withSuggestion(written, kinds, "the kinds " + decl.label() + " compiles to are " + String.join(", ", kinds)));
    }
  }

  private static void pointer(Decl decl, DriftIgnore rule, Consumer<Diagnostic> report) {
    String pointer = rule.pointer().value();
    String shown = "`" + pointer + "`";
    if (pointer.isEmpty()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, rule.pointer().span(), "an empty pointer in `ignore-drift` of "
              + decl.label() + " names the whole object, which would never be applied again")
          .withHint("point at the field another controller owns, such as \"/spec/replicas\""));
      return;
    }
    if (!pointer.startsWith("/")) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, rule.pointer().span(), shown + " is not a JSON pointer: it must start with `/`")
          .withHint("write \"/" + pointer.replace(".", "/") + "\" (RFC 6901: one `/` before each field)"));
      return;
    }
    for (int i = 0; i < pointer.length(); i++) {
      char c = pointer.charAt(i);
      if (c == '~' && (i + 1 == pointer.length() || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1'))) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, rule.pointer().span(), shown
                + " is not a JSON pointer: a `~` must be followed by `0` or `1`")
            .withHint("write a `~` in a field name as `~0` and a `/` as `~1`: \"/metadata/annotations/example.com~1owner\""));
        return;
      }
      if (c == ',' || Character.isISOControl(c)) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, rule.pointer().span(), shown + " holds "
                + (c == ',' ? "a comma" : "a control character") + ", which the annotation clusterc.dev/drift-ignore "
                + "uses to separate pointers")
            .withHint("a field whose name holds a comma cannot be ignored alone: ignore the map that holds it, "
                + "such as \"/spec/template/metadata/annotations\""));
        return;
      }
    }
    List<String> tokens = tokens(pointer);
    boolean identity = tokens.get(0).equals("apiVersion") || tokens.get(0).equals("kind")
        || tokens.get(0).equals("metadata") && (tokens.size() == 1 || Set.of("name", "namespace", "uid").contains(tokens.get(1)));
    if (identity) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, rule.pointer().span(), shown + " is (or holds) the identity of "
              + "the object, which does not drift: an object with another apiVersion, kind, name, namespace or uid is another object")
          .withHint("ignore a field inside the object, such as \"/spec/replicas\" or one annotation, "
              + "\"/metadata/annotations/example.com~1owner\""));
    }
  }

  /** The reference tokens of a pointer that starts with {@code /}, unescaped ({@code ~1} → {@code /}, {@code ~0} → {@code ~}). */
  private static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    for (String token : pointer.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /**
   * The kinds an app may compile to, sorted: the Deployment always, and what its entries add (the
   * emitter's rules, taken loosely where one depends on other declarations: any {@code database}
   * may bring an ExternalSecret), and the kinds of its {@code manifests}.
   */
  static Set<String> appKinds(Program program, Decl decl) {
    App app = App.of(program.model(), decl);
    Set<String> kinds = new TreeSet<>();
    kinds.add("Deployment");
    if (!app.configs().isEmpty()) {
      kinds.add("ConfigMap");
    }
    if (!app.boundPorts().isEmpty()) {
      kinds.add("Service");
    }
    if (app.spread()) {
      kinds.add("PodDisruptionBudget");
    }
    if (!app.routes().isEmpty()) {
      kinds.add("HTTPRoute");
    }
    if (app.access() != null) {
      kinds.add("ServiceAccount");
      kinds.addAll(app.access().cluster() ? List.of("ClusterRole", "ClusterRoleBinding") : List.of("Role", "RoleBinding"));
    }
    if (!app.databases().isEmpty()) {
      kinds.add("ExternalSecret");
    }
    for (RawObject object : program.files().manifests(decl)) {
      kinds.add(object.kind());
    }
    return kinds;
  }
}
