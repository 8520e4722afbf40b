package dev.clusterc.compiler.load;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Gathers the declarations of a cluster into its scope: the sources' declarations and templates,
 * and the standard-library components turned on by {@code use} (or, for {@code gateway-api}, by
 * the first gateway). Reports unknown kinds, duplicates, and a missing or second cluster.
 */
public final class Collector {
  private final Consumer<Diagnostic> report;
  public final Scope scope = new Scope();
  public final List<Decl> decls = new ArrayList<>();
  public final Map<String, Item.Template> templates = new LinkedHashMap<>();
  private final Map<String, Item.Declaration> stdComponents = new TreeMap<>();
  private final Map<String, Item.Template> stdTemplates = new TreeMap<>();

  public Collector(Consumer<Diagnostic> report) {
    this.report = report;
    for (SourceUnit unit : Stdlib.units().values()) {
      for (Item item : unit.items()) {
        if (item instanceof Item.Declaration d && d.name() != null && d.kind().text().equals("component")) {
          stdComponents.putIfAbsent(d.name().text(), d);
        } else if (item instanceof Item.Template t && t.name() != null) {
          stdTemplates.putIfAbsent(t.name().text(), t);
        }
      }
    }
  }

  /** Standard-library component names, for {@code use} and for hints. */
  List<String> stdComponentNames() {
    return new ArrayList<>(stdComponents.keySet());
  }

  public boolean isStdComponent(String name) {
    return stdComponents.containsKey(name);
  }

  public void collect(List<SourceUnit> units) {
    List<Item.Use> uses = new ArrayList<>();
    for (SourceUnit unit : units) {
      for (Item item : unit.items()) {
        if (item instanceof Item.Declaration d) {
          declaration(d);
        } else if (item instanceof Item.Template t) {
          template(t);
        } else if (item instanceof Item.Use u) {
          uses.add(u);
        }
      }
    }
    Map<String, Item.Use> seenUses = new TreeMap<>();
    for (Item.Use use : uses) {
      use(use, seenUses);
    }
    if (!decls.stream().filter(d -> d.kind() == Kind.GATEWAY).toList().isEmpty()
        && scope.lookup(Kind.COMPONENT, "gateway-api").isEmpty() && stdComponents.containsKey("gateway-api")) {
      Decl implicit = new Decl(Kind.COMPONENT, "gateway-api", stdComponents.get("gateway-api"), true);
      scope.add(implicit);
      decls.add(implicit);
    }
    clusterCount(units);
    for (Item.Template template : stdTemplates.values()) {
      templates.putIfAbsent(template.name().text(), template);
    }
  }

  private void declaration(Item.Declaration d) {
    if (d.name() == null) {
      return;
    }
    String keyword = d.kind().text();
    var kind = Kind.of(keyword);
    if (kind.isEmpty()) {
      List<String> known = new ArrayList<>(Kind.keywords());
      known.addAll(List.of("use", "import", "template"));
      report.accept(Diagnostic.error(Code.UNKNOWN_KIND, d.kind().span(), "`" + keyword + "` is not a kind of declaration")
          .withSuggestion(keyword, known, "the kinds are " + String.join(", ", Kind.keywords())));
      return;
    }
    Decl decl = new Decl(kind.get(), d.name().text(), d, false);
    var existing = scope.add(decl);
    if (existing.isPresent()) {
      report.accept(Diagnostic.error(Code.DUPLICATE_DECLARATION, d.name().span(),
              "there is already " + kind.get().withArticle() + " named `" + d.name().text() + "`")
          .withHint("names are unique per kind; rename one of them")
          .withRelated(existing.get().site(), "first declared here"));
      return;
    }
    decls.add(decl);
  }

  private void template(Item.Template t) {
    if (t.name() == null) {
      return;
    }
    Item.Template existing = templates.putIfAbsent(t.name().text(), t);
    if (existing != null) {
      report.accept(Diagnostic.error(Code.DUPLICATE_DECLARATION, t.name().span(),
              "there is already a template named `" + t.name().text() + "`")
          .withRelated(existing.name().span(), "first declared here"));
    }
  }

  private void use(Item.Use use, Map<String, Item.Use> seen) {
    if (use.name() == null) {
      return;
    }
    String name = use.name().text();
    Item.Use earlier = seen.putIfAbsent(name, use);
    if (earlier != null) {
      report.accept(Diagnostic.error(Code.DUPLICATE_DECLARATION, use.name().span(), "`" + name + "` is already in use")
          .withHint("merge the two `use " + name + "` into one")
          .withRelated(earlier.name().span(), "first used here"));
      return;
    }
    var own = scope.lookup(Kind.COMPONENT, name);
    if (own.isPresent()) {
      own.get().use(use);
      return;
    }
    Item.Declaration std = stdComponents.get(name);
    if (std == null) {
      List<String> known = new ArrayList<>(stdComponents.keySet());
      known.addAll(scope.names(Kind.COMPONENT));
      report.accept(Diagnostic.error(Code.UNDEFINED_REFERENCE, use.name().span(),
              "no component named `" + name + "` in the sources or the standard library")
          .withSuggestion(name, known, "declare it with `component " + name + " { … }`"));
      return;
    }
    Decl decl = new Decl(Kind.COMPONENT, name, std, true);
    decl.use(use);
    scope.add(decl);
    decls.add(decl);
    enableStdDependencies(std);
  }

  /** A standard component that depends on another turns that one on too (nginx-gateway → gateway-api). */
  private void enableStdDependencies(Item.Declaration std) {
    if (std.body() == null) {
      return;
    }
    for (var entry : std.body().entries()) {
      if (!entry.key().text().equals("depends-on") || entry.args().isEmpty() || !(entry.args().get(0) instanceof Value.ListOf list)) {
        continue;
      }
      for (Value item : list.items()) {
        if (item instanceof Value.Word word && stdComponents.containsKey(word.text())
            && scope.lookup(Kind.COMPONENT, word.text()).isEmpty()) {
          Decl implicit = new Decl(Kind.COMPONENT, word.text(), stdComponents.get(word.text()), true);
          scope.add(implicit);
          decls.add(implicit);
          enableStdDependencies(stdComponents.get(word.text()));
        }
      }
    }
  }

  private void clusterCount(List<SourceUnit> units) {
    List<Decl> clusters = decls.stream().filter(d -> d.kind() == Kind.CLUSTER).toList();
    boolean unreadable = units.stream().anyMatch(SourceUnit::hasErrors);
    if (clusters.isEmpty() && !units.isEmpty() && !unreadable) {
      SourceUnit first = units.get(0);
      report.accept(Diagnostic.error(Code.NO_CLUSTER, dev.clusterc.compiler.source.SourceSpan.at(first.file(), 0),
              "no `cluster` declaration in these sources")
          .withHint("every cluster needs one: `cluster NAME { domain \"…\"; network { nodes CIDR } }`"));
    }
    for (Decl extra : clusters.subList(Math.min(1, clusters.size()), clusters.size())) {
      report.accept(Diagnostic.error(Code.MULTIPLE_CLUSTERS, extra.site(),
              "a second `cluster` declaration: these sources already describe cluster `" + clusters.get(0).name() + "`")
          .withHint("describe one cluster per directory")
          .withRelated(clusters.get(0).site(), "the first cluster"));
    }
  }

}
