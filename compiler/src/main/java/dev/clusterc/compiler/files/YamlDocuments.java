package dev.clusterc.compiler.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The documents of a YAML stream as plain Java values (maps with string keys, lists, scalars),
 * read the way Kubernetes reads YAML (YAML 1.1: {@code yes} is a boolean), with every bound a
 * hostile file could break:
 *
 * <ul>
 *   <li>aliases are resolved: an alias comes out as a copy of what its anchor names, never as the
 *   anchor's name; a recursive alias is refused, and so is a stream whose aliases expand to more
 *   than {@link #MAX_VALUES} values (the "billion laughs"), or that uses more than
 *   {@link #MAX_ALIASES} aliases of collections;</li>
 *   <li>nesting deeper than {@link #MAX_DEPTH} and more code points than a bounded file holds are
 *   refused; so are duplicate keys in one mapping;</li>
 *   <li>only the standard tags: a timestamp or {@code !!binary} stays the text written, a custom
 *   tag ({@code !Ref}) is refused.</li>
 * </ul>
 *
 * <p>Reading is linear in the length of the text ({@link WholeTextReader}).
 */
public final class YamlDocuments {
  public static final int MAX_ALIASES = 100;
  public static final int MAX_DEPTH = 100;
  public static final int MAX_VALUES = 1_000_000;

  /** One document and the line (1-based) it starts at. */
  public record Document(Object value, int line) {}

  /** Why the text is not acceptable YAML; {@code line} and {@code column} are 1-based, 0 when unknown. */
  public record Problem(int line, int column, String reason) {
    public String where() {
      return line <= 0 ? "" : "line " + line + (column > 0 ? ", column " + column : "");
    }
  }

  /** The documents (empty ones left out), or the problem that stopped reading. */
  public record Parsed(List<Document> documents, Problem problem) {}

  private YamlDocuments() {}

  public static Parsed parse(String text) {
    int[] codePoints = text.codePoints().toArray();
    int bad = WholeTextReader.firstUnprintable(codePoints);
    if (bad >= 0) {
      String before = new String(codePoints, 0, bad);
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = bad - before.lastIndexOf('\n');
      return failed(new Problem(line, column, String.format("the character U+%04X is not allowed in YAML", codePoints[bad])));
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(Math.max(codePoints.length + 1, 1024));
    options.setAllowRecursiveKeys(false);
    Composer composer = new Composer(new ParserImpl(new WholeTextReader(codePoints), options), new Resolver(), options);
    Values constructor = new Values(options);
    List<Document> documents = new ArrayList<>();
    try {
      while (composer.checkNode()) {
        Node node = composer.getNode();
        Problem duplicate = duplicateKey(node, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (duplicate != null) {
          return failed(duplicate);
        }
        int line = node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
        Object value = new Copier().copy(constructor.document(node), 0);
        if (value != null && !"".equals(value)) {
          documents.add(new Document(value, line));
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String reason = e.getProblem() != null ? e.getProblem() : e.getContext();
      return failed(new Problem(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
          reason == null ? "invalid YAML" : reason.trim()));
    } catch (YAMLException e) {
      return failed(new Problem(0, 0, firstLine(e.getMessage())));
    } catch (ExpansionException e) {
      return failed(new Problem(0, 0, e.getMessage()));
    }
    return new Parsed(documents, null);
  }

  /**
   * The first key written twice in one mapping, found on the composed nodes (SnakeYAML's
   * constructor keeps the last value silently); each node is looked at once, however many
   * aliases name it.
   */
  private static Problem duplicateKey(Node node, Set<Node> seen) {
    if (!seen.add(node)) {
      return null;
    }
    if (node instanceof MappingNode mapping) {
      Set<String> keys = new HashSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getTag() != Tag.MERGE && !keys.add(key.getValue())) {
          Mark mark = key.getStartMark();
          return new Problem(mark.getLine() + 1, mark.getColumn() + 1, "the key `" + KubernetesNames.shown(key.getValue())
              + "` is written twice in one mapping");
        }
        Problem inner = duplicateKey(tuple.getValueNode(), seen);
        if (inner != null) {
          return inner;
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        Problem inner = duplicateKey(item, seen);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static Parsed failed(Problem problem) {
    return new Parsed(List.of(), problem);
  }

  private static String firstLine(String message) {
    return message == null ? "invalid YAML" : message.lines().findFirst().orElse("invalid YAML").trim();
  }

  /** SnakeYAML's safe constructor, keeping timestamps and binary as the text written. */
  private static final class Values extends SafeConstructor {
    Values(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
      this.yamlConstructors.put(Tag.BINARY, new ConstructYamlStr());
    }

    Object document(Node node) {
      return constructDocument(node);
    }
  }

  /** A refusal while expanding aliases. */
  private static final class ExpansionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpansionException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Copies a constructed document into fresh maps and lists: shared (aliased) values become
   * separate copies, keys become strings, and the copy stops at a cycle or past the bounds.
   */
  private static final class Copier {
    private final Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());
    private int values;

    Object copy(Object value, int depth) {
      if (++values > MAX_VALUES) {
        throw new ExpansionException("its aliases expand to more than " + MAX_VALUES + " values");
      }
      if (depth > 10 * MAX_DEPTH) {
        throw new ExpansionException("its aliases nest deeper than " + 10 * MAX_DEPTH + " levels");
      }
      if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Set<?> || value instanceof Object[]) {
        if (!path.add(value)) {
          throw new ExpansionException("an alias refers to a collection that contains it (a recursive alias)");
        }
        try {
          return copyCollection(value, depth);
        } finally {
          path.remove(value);
        }
      }
      return value;
    }

    private Object copyCollection(Object value, int depth) {
      if (value instanceof Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          out.put(key(entry.getKey()), copy(entry.getValue(), depth + 1));
        }
        return out;
      }
      if (value instanceof Set<?> set) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object key : set) {
          out.put(key(key), null);
        }
        return out;
      }
      List<Object> out = new ArrayList<>();
      for (Object item : value instanceof Object[] array ? Arrays.asList(array) : (List<?>) value) {
        out.add(copy(item, depth + 1));
      }
      return out;
    }

    private static String key(Object key) {
      if (key instanceof Map<?, ?> || key instanceof List<?> || key instanceof Set<?> || key instanceof Object[]) {
        throw new ExpansionException("a mapping key is a collection, not a string");
      }
      return String.valueOf(key);
    }
  }
}
