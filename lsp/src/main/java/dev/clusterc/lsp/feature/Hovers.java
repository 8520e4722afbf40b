package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.DeclarationFacts;
import dev.clusterc.compiler.api.EntryDoc;
import dev.clusterc.compiler.api.KindGuide;
import dev.clusterc.compiler.api.Navigator;
import dev.clusterc.compiler.api.ObjectRef;
import dev.clusterc.compiler.api.Symbol;
import dev.clusterc.compiler.api.SyntaxNode;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Hover, in Markdown, from the compiler's analysis: on a kind keyword what the kind is; on an
 * entry's keyword its usage and schema; on a declaration's name or a reference to it the
 * declaration's header, doc comment, layer, resolved values (a node's address, a gateway's
 * listeners, an app's routes, what a component provides) and the objects it compiles to. Nothing
 * (no hover) on whitespace, braces and comments.
 */
public final class Hovers {
  /** Beyond this many objects a hover lists only how many more there are. */
  static final int MAX_OBJECTS = 25;
  /** What is never compiled into objects: nodes, templates and their parameters, and a {@code use} of no known component. */
  private static final Set<String> NOT_COMPILED = Set.of("node", "template", "parameter", "use", "import");
  /** How {@link KindGuide#entries} marks a required entry. */
  private static final String REQUIRED = " (required)";

  private Hovers() {}

  public static Hover hover(Snapshot snapshot, HoverParams params, CancelChecker cancel) {
    Optional<Navigator> navigator = snapshot.navigator();
    Optional<String> path = snapshot.path(params.getTextDocument().getUri());
    if (navigator.isEmpty() || path.isEmpty()) {
      return null;
    }
    Position position = Ranges.compiler(params.getPosition());
    Optional<SyntaxNode> node = navigator.get().nodeAt(path.get(), position);
    if (node.isEmpty()) {
      return null;
    }
    cancel.checkCanceled();
    String markdown = switch (node.get().role()) {
      case KIND -> KindGuide.summary(node.get().text()).map(s -> kind(node.get().text(), s)).orElse(null);
      case ENTRY_KEY -> navigator.get().entryDoc(path.get(), position).map(Hovers::entry).orElse(null);
      case NAME, TEMPLATE_NAME, PARAMETER, VALUE -> named(snapshot, navigator.get(), path.get(), position, node.get(), cancel);
      default -> null;
    };
    if (markdown == null) {
      return null;
    }
    return new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown), Ranges.range(node.get().span()));
  }

  /** What a name (declared or referring) stands for; a value that names nothing explains its entry. */
  private static String named(Snapshot snapshot, Navigator navigator, String path, Position position, SyntaxNode node,
      CancelChecker cancel) {
    List<Symbol> symbols = navigator.definition(path, position);
    if (symbols.isEmpty() && node.role() == SyntaxNode.Role.NAME) {
      symbols = navigator.declarationAt(path, position).stream().toList();
    }
    StringBuilder out = new StringBuilder();
    for (Symbol symbol : symbols) {
      cancel.checkCanceled();
      Optional<DeclarationFacts> facts = navigator.facts(symbol);
      if (facts.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append("\n\n---\n\n");
      }
      declaration(out, facts.get());
      if (snapshot.inCluster() && compiles(facts.get().keyword())) {
        objects(out, snapshot.analysis().flatMap(a -> a.objects(symbol)),
            snapshot.analysis().map(a -> a.hasErrors() || a.clusterName().isEmpty()).orElse(true));
      }
    }
    if (out.isEmpty() && node.role() == SyntaxNode.Role.VALUE) {
      return navigator.entryDoc(path, position).map(Hovers::entry).orElse(null);
    }
    return out.isEmpty() ? null : out.toString();
  }

  private static void declaration(StringBuilder out, DeclarationFacts facts) {
    out.append("```cluster\n").append(facts.signature()).append("\n```\n");
    if (!facts.doc().isEmpty()) {
      out.append('\n').append(facts.doc()).append('\n');
    }
    StringBuilder values = new StringBuilder();
    if (facts.layer() != null) {
      values.append("- layer: `").append(facts.layer()).append("`\n");
    }
    for (DeclarationFacts.Fact fact : facts.values()) {
      values.append("- ").append(fact.label()).append(": `").append(fact.value()).append("`\n");
    }
    for (DeclarationFacts.Listener listener : facts.listeners()) {
      values.append("- listener `").append(listener.name()).append("`: ")
          .append(listener.protocol().isEmpty() ? "no protocol" : listener.protocol().toUpperCase(Locale.ROOT))
          .append(listener.port() > 0 ? " on port " + listener.port() : "")
          .append(listener.port() != listener.exposedPort() && listener.exposedPort() > 0
              ? " (clients reach port " + listener.exposedPort() + " on the address)" : "")
          .append(listener.hostname() == null ? ", every host" : ", hostname `" + listener.hostname() + "`")
          .append(listener.certificate() == null ? "" : ", certificate `" + listener.certificate() + "`")
          .append('\n');
    }
    if (!values.isEmpty()) {
      out.append('\n').append(values);
    }
  }

  /** A kind keyword: what it is, and the entries it takes. */
  private static String kind(String keyword, String summary) {
    StringBuilder out = new StringBuilder("**`").append(keyword).append("`** — ").append(summary).append('\n');
    List<String> entries = KindGuide.entries(keyword);
    if (!entries.isEmpty()) {
      out.append("\nEntries:\n");
      for (String entry : entries) {
        boolean required = entry.endsWith(REQUIRED);
        out.append("- `").append(required ? entry.substring(0, entry.length() - REQUIRED.length()) : entry).append('`')
            .append(required ? ", required" : "").append('\n');
      }
    }
    return out.toString();
  }

  /** Whether declarations with this keyword are compiled into objects at all. */
  private static boolean compiles(String keyword) {
    return !NOT_COMPILED.contains(keyword);
  }

  /** The objects, or why they are not known: the cluster has errors, or emitting this declaration refuses. */
  private static void objects(StringBuilder out, Optional<List<ObjectRef>> objects, boolean broken) {
    if (objects.isEmpty()) {
      out.append(broken ? "\n*Objects: compiles when the cluster has no errors.*\n"
          : "\n*Objects: not known, compiling it refuses (`clusterc compile` says why).*\n");
      return;
    }
    if (objects.get().isEmpty()) {
      out.append("\n*Compiles to no Kubernetes object.*\n");
      return;
    }
    out.append("\nCompiles to:\n");
    List<ObjectRef> refs = objects.get();
    refs.stream().limit(MAX_OBJECTS).forEach(o -> out.append("- `").append(o).append("`\n"));
    if (refs.size() > MAX_OBJECTS) {
      out.append("- … and ").append(refs.size() - MAX_OBJECTS).append(" more\n");
    }
  }

  /** An entry: its usage, then the reference's words about it (or, without them, the schema's), then its block's entries. */
  private static String entry(EntryDoc doc) {
    StringBuilder out = new StringBuilder("```cluster\n").append(doc.usage()).append("\n```\n\n");
    out.append("Entry of `").append(doc.owner()).append("`");
    if (!doc.doc().isEmpty()) {
      out.append(". ").append(doc.doc());
    } else {
      out.append(doc.required() ? ", required" : "").append(doc.repeatable() ? ", repeatable" : "").append(".");
      if (doc.defaultValue() != null) {
        out.append(" Default: `").append(doc.defaultValue()).append("`.");
      }
    }
    out.append('\n');
    if (!doc.entries().isEmpty()) {
      out.append("\nIts block takes:\n");
      doc.entries().forEach(e -> out.append("- `").append(e).append("`\n"));
    }
    return out.toString();
  }
}
