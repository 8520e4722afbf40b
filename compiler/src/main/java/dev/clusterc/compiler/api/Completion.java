package dev.clusterc.compiler.api;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * What may be typed at a position, with the candidates the analysis knows. Every variant says
 * which text a chosen candidate replaces: the part of the word already typed before the cursor
 * ({@link #prefix}), so that a client filters and inserts without reading the text itself.
 */
public sealed interface Completion {

  /** The span a chosen candidate replaces (empty at the cursor when nothing is typed yet). */
  SourceSpan replace();

  /** The text of {@link #replace}. */
  default String prefix() {
    return replace().text();
  }

  /** Nothing is expected here: inside a comment, a string that is no path, past a closed entry. */
  record Nothing(SourceSpan replace) implements Completion {}

  /** A top-level item starts here: a kind keyword, {@code use}, {@code import} or {@code template}. */
  record Keyword(SourceSpan replace, List<String> keywords) implements Completion {
    public Keyword {
      keywords = List.copyOf(keywords);
    }
  }

  /** An entry of {@code owner} starts here; {@code entries} are its schema's, with their usage. */
  record EntryKey(SourceSpan replace, String owner, List<Entry> entries) implements Completion {
    public EntryKey {
      entries = List.copyOf(entries);
    }

    /**
     * One entry the owner accepts: {@code mount}, written {@code mount VOLUME at STRING};
     * {@code written} when the block has it already (elsewhere than at the cursor), so that a client
     * can leave out an entry that may appear once; {@code defaultValue} is the value it has when
     * left out, as it would be written ({@code 10m}, {@code "main"}), or {@code null}.
     */
    public record Entry(String name, String usage, boolean repeatable, boolean required, boolean written, String defaultValue) {}
  }

  /** One of a fixed set of words (an enumeration, a connector word such as {@code at}, or a boolean). */
  record Symbols(SourceSpan replace, String entry, List<String> symbols) implements Completion {
    public Symbols {
      symbols = List.copyOf(symbols);
    }
  }

  /**
   * A reference: the name of a declaration of the kind whose keyword is {@code kind} ({@code volume};
   * {@code null} when any kind will do, as in {@code depends-on}); {@code candidates} are the names in scope of that kind, {@code symbols}
   * the words the slot accepts besides (the {@code none} of {@code backup BACKUP|none}).
   */
  record Reference(SourceSpan replace, String entry, String kind, List<String> candidates, List<String> symbols)
      implements Completion {
    public Reference {
      candidates = List.copyOf(candidates);
      symbols = List.copyOf(symbols);
    }
  }

  /** A value of a type with no fixed words (a string, a number, an address): only its description helps. */
  record Value(SourceSpan replace, String entry, String expected) implements Completion {}

  /** The template after {@code from}: those for the declaration's kind (its keyword, or {@code null}). */
  record TemplateName(SourceSpan replace, String kind, List<String> templates) implements Completion {
    public TemplateName {
      templates = List.copyOf(templates);
    }
  }

  /** A parameter of {@code template}: a named argument of a call, or a {@code $param} in its body. */
  record TemplateParameter(SourceSpan replace, String template, List<String> parameters) implements Completion {
    public TemplateParameter {
      parameters = List.copyOf(parameters);
    }
  }

  /** A component after {@code use}: the standard library's and the sources' own. */
  record ComponentName(SourceSpan replace, List<String> components) implements Completion {
    public ComponentName {
      components = List.copyOf(components);
    }
  }

  /**
   * A file path inside the quotes after {@code import}, {@code sops}, {@code sealed} or
   * {@code manifests} ({@code entry}); the client lists files relative to the document's directory.
   */
  record FilePath(SourceSpan replace, String entry) implements Completion {}
}
