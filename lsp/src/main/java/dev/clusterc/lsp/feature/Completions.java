package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Completion;
import dev.clusterc.compiler.api.Navigator;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion: what the compiler says may be typed at the cursor ({@code Navigator.completion}),
 * turned into items. Each item replaces the part of the word already typed, so the editor filters
 * and inserts without guessing word boundaries. Entry keys insert their signature as a snippet
 * when the editor takes snippets; file paths are listed from disk by {@link FilePaths}.
 */
public final class Completions {
  /** The characters after which an editor asks on its own: a word's end, a path's quote and slash, a parameter's sign. */
  public static final List<String> TRIGGERS = List.of(" ", "\"", "/", "$", "(");

  private Completions() {}

  /**
   * The items for the cursor of {@code params}.
   *
   * @param snippets whether the editor takes snippets (its {@code completionItem.snippetSupport})
   */
  public static CompletionList complete(Snapshot snapshot, CompletionParams params, boolean snippets, CancelChecker cancel) {
    String uri = params.getTextDocument().getUri();
    Optional<String> path = snapshot.path(uri);
    Optional<Navigator> navigator = snapshot.navigator();
    if (path.isEmpty() || navigator.isEmpty()) {
      return new CompletionList(List.of());
    }
    Completion completion = navigator.get().completion(path.get(), Ranges.compiler(params.getPosition()));
    cancel.checkCanceled();
    Items items = new Items(Ranges.range(completion.replace()), snippets);
    if (completion instanceof Completion.Keyword keyword) {
      keywords(keyword, items);
    } else if (completion instanceof Completion.EntryKey key) {
      entries(key, items);
    } else if (completion instanceof Completion.Symbols symbols) {
      symbols.symbols().forEach(s -> items.add(s, CompletionItemKind.EnumMember, "a word of `" + symbols.entry() + "`", null, s));
    } else if (completion instanceof Completion.Reference reference) {
      String kind = reference.kind() == null ? "a declaration of any kind" : article(reference.kind());
      for (String candidate : reference.candidates()) {
        items.add(candidate, CompletionItemKind.Reference, kind, null, candidate);
      }
      reference.symbols().forEach(s -> items.add(s, CompletionItemKind.EnumMember, "a word of `" + reference.entry() + "`", null, s));
    } else if (completion instanceof Completion.TemplateName template) {
      String detail = template.kind() == null ? "template" : "template for " + template.kind();
      template.templates().forEach(t -> items.add(t, CompletionItemKind.Function, detail, null, t));
    } else if (completion instanceof Completion.TemplateParameter parameter) {
      boolean inBody = completion.replace().start() > 0
          && completion.replace().file().text().charAt(completion.replace().start() - 1) == '$';
      String detail = "parameter of " + parameter.template();
      parameter.parameters().forEach(p -> items.add(p, CompletionItemKind.Variable, detail, null, inBody ? p : p + ": "));
    } else if (completion instanceof Completion.ComponentName component) {
      component.components().forEach(c -> items.add(c, CompletionItemKind.Module, "component", null, c));
    } else if (completion instanceof Completion.FilePath file) {
      FilePaths.complete(snapshot.workingDirectory(), path.get(), file, items, cancel);
    }
    return new CompletionList(false, items.list);
  }

  private static void keywords(Completion.Keyword keyword, Items items) {
    for (String word : keyword.keywords()) {
      switch (word) {
        case "use" -> items.snippet(word, CompletionItemKind.Keyword, "use COMPONENT", "use ${1:component}", "use ");
        case "import" -> items.snippet(word, CompletionItemKind.Keyword, "import \"FILE\"", "import \"$1\"", "import ");
        case "template" -> items.snippet(word, CompletionItemKind.Keyword, "template NAME(PARAM: TYPE, …) for KIND { … }",
            "template ${1:name}($2) for ${3:app} {\n\t$0\n}", "template ");
        default -> items.snippet(word, CompletionItemKind.Class, word + " NAME { … }", word + " ${1:name} {\n\t$0\n}", word + " ");
      }
    }
  }

  /** The entries the owner takes, required ones first, leaving out those written already that may appear once. */
  private static void entries(Completion.EntryKey key, Items items) {
    List<Completion.EntryKey.Entry> open = new ArrayList<>();
    key.entries().stream().filter(e -> e.required() && !e.written()).forEach(open::add);
    key.entries().stream().filter(e -> !e.required() && (!e.written() || e.repeatable())).forEach(open::add);
    for (Completion.EntryKey.Entry entry : open) {
      String doc = "```cluster\n" + entry.usage() + "\n```\n\nAn entry of `" + key.owner() + "`"
          + (entry.required() ? ", required" : "") + (entry.repeatable() ? ", may be written more than once" : "") + "."
          + (entry.defaultValue() == null ? "" : " Left out, it is `" + entry.defaultValue() + "`.");
      CompletionItem item = items.snippet(entry.name(), CompletionItemKind.Property, entry.usage(), EntrySnippets.of(entry.usage()),
          EntrySnippets.plain(entry.name(), entry.usage()));
      item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
      if (entry.required()) {
        item.setDetail(entry.usage() + "  (required)");
      }
    }
  }

  static String article(String kind) {
    return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }

  /** The items being collected, in the order they should be offered. */
  static final class Items {
    final List<CompletionItem> list = new ArrayList<>();
    final Range range;
    final boolean snippets;

    Items(Range range, boolean snippets) {
      this.range = range;
      this.snippets = snippets;
    }

    /** An item inserting plain text over the typed prefix. */
    CompletionItem add(String label, CompletionItemKind kind, String detail, String filter, String text) {
      CompletionItem item = new CompletionItem(label);
      item.setKind(kind);
      item.setDetail(detail);
      item.setSortText(String.format("%04d", list.size()));
      if (filter != null) {
        item.setFilterText(filter);
      }
      item.setInsertTextFormat(InsertTextFormat.PlainText);
      item.setTextEdit(Either.forLeft(new TextEdit(range, text)));
      list.add(item);
      return item;
    }

    /** An item inserting {@code snippet} when the editor takes snippets, {@code plain} otherwise. */
    CompletionItem snippet(String label, CompletionItemKind kind, String detail, String snippet, String plain) {
      CompletionItem item = add(label, kind, detail, null, snippets ? snippet : plain);
      if (snippets) {
        item.setInsertTextFormat(InsertTextFormat.Snippet);
      }
      return item;
    }
  }
}
