package dev.clusterc.compiler.kube;

import dev.clusterc.compiler.kube.YamlQuoting.Style;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link KubeObject}s as YAML by walking the tree: no YAML library, no data binding, nothing
 * but the text of one document built in memory (a stream of many objects goes straight to its
 * {@link Writer}). The same tree gives the same bytes: {@code apiVersion}, {@code kind} and
 * {@code metadata} first, every other key of every map sorted, as {@code kubectl get -o yaml}
 * prints them; no document start marker; two spaces per level, list items indented under their key;
 * quotes only where YAML needs them ({@link YamlQuoting}); no line splitting; multi-line strings as
 * literal blocks; empty maps and lists as {@code {}} and {@code []}; a map entry whose value is
 * {@code null} (a {@code manifests} file's {@code key: ~}) left out, as it was when objects went
 * through fabric8. The layout is byte for byte the one Jackson's YAML generator (over SnakeYAML's
 * emitter) gave before, which a property test checks; like that emitter, it keeps a cursor (column,
 * indent, whether the line holds only blanks so far) and breaks a line only where the next item must.
 */
public final class YamlWriter {
  /** The keys a Kubernetes object starts with, in this order; every other key follows, sorted. */
  private static final List<String> HEAD = List.of("apiVersion", "kind", "metadata");
  private static final int STEP = 2;

  private final StringBuilder out = new StringBuilder(1024);
  /** The indent of the node being written; -1 before the root. */
  private int indent = -1;
  private int column;
  /** The last thing written was a blank or a line break. */
  private boolean whitespace = true;
  /** Only indentation (and list indicators) on this line so far. */
  private boolean indention = true;

  private YamlWriter() {}

  /** Writes one object as a document of a stream: a {@code ---} line, then the object; {@code out} stays open. */
  public static void writeDocument(KubeObject object, Writer out) throws IOException {
    out.write("---\n");
    write(object, out);
  }

  /** Writes one object as a YAML document without a marker (a file of its own); {@code out} stays open. */
  public static void write(KubeObject object, Writer out) throws IOException {
    document(object.tree(), out);
  }

  /** One object as a YAML document, for a file of its own or a test. */
  public static String toYaml(KubeObject object) {
    return toYaml(object.tree());
  }

  /** Any tree of maps, lists and scalars as a YAML document (its root's head keys first, as an object's). */
  public static String toYaml(Map<String, ?> tree) {
    return printed(tree).toString();
  }

  /** Writes one document holding {@code tree} to {@code out}, which stays open. */
  private static void document(Map<String, ?> tree, Writer out) throws IOException {
    out.append(printed(tree));
  }

  private static StringBuilder printed(Map<String, ?> tree) {
    YamlWriter writer = new YamlWriter();
    writer.map(tree, HEAD, false);
    writer.lineStart();
    return writer.out;
  }

  private void node(Object value, boolean inMap) {
    if (value instanceof String text) {
      scalar(text, YamlQuoting.value(text));
    } else if (value instanceof Map<?, ?> map) {
      map(map, List.of(), inMap);
    } else if (value instanceof List<?> list) {
      list(list, inMap);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      plain(String.valueOf(((Number) value).longValue()));
    } else if (value instanceof Double || value instanceof Float) {
      plain(String.valueOf(((Number) value).doubleValue()));
    } else if (value instanceof Boolean || value instanceof java.math.BigInteger
        || value instanceof java.math.BigDecimal || value == null) {
      plain(String.valueOf(value));
    } else {
      throw new IllegalArgumentException("a tree holds maps, lists, strings, numbers and booleans, not "
          + value.getClass().getName());
    }
  }

  /** The {@code first} keys first (those present), then the rest sorted by their text; null values left out. */
  private void map(Map<?, ?> map, List<String> first, boolean inMap) {
    List<Map.Entry<String, Object>> entries = new ArrayList<>(map.size());
    for (String key : first) {
      Object value = map.get(key);
      if (value != null) {
        entries.add(Map.entry(key, value));
      }
    }
    int head = entries.size();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (entry.getValue() != null && (head == 0 || !first.contains(key))) {
        entries.add(Map.entry(key, entry.getValue()));
      }
    }
    if (entries.size() - head > 1) {
      entries.subList(head, entries.size()).sort(Map.Entry.comparingByKey());
    }
    if (entries.isEmpty()) {
      indicator("{}", true, false);
      return;
    }
    int outer = indent;
    indent = indent < 0 ? 0 : indent + STEP;
    for (Map.Entry<String, Object> entry : entries) {
      String key = entry.getKey();
      lineStart();
      if (YamlQuoting.simpleKey(key)) {
        scalar(key, YamlQuoting.key(key, true));
        indicator(":", false, false);
      } else {
        indicator("?", true, true);
        scalar(key, YamlQuoting.key(key, false));
        lineStart();
        indicator(":", true, true);
      }
      node(entry.getValue(), true);
    }
    indent = outer;
  }

  /** Items under a key start at the key's column; the first item's indicator sets the indent of the rest. */
  private void list(List<?> list, boolean inMap) {
    if (list.isEmpty()) {
      indicator("[]", true, false);
      return;
    }
    int outer = indent;
    boolean underKey = inMap && !indention;
    indent = indent < 0 ? 0 : underKey ? indent : indent + STEP;
    boolean first = true;
    for (Object item : list) {
      lineStart();
      if (first) {
        blanks(STEP);
      }
      indicator("-", true, true);
      if (first) {
        indent += STEP;
        first = false;
      }
      node(item, false);
    }
    indent = outer;
  }

  /** A number, boolean or {@code null}: plain unless its text could not stand plain there. */
  private void plain(String text) {
    scalar(text, YamlQuoting.number(text));
  }

  private void scalar(String text, Style style) {
    int outer = indent;
    indent = indent < 0 ? STEP : indent + STEP;
    switch (style) {
      case PLAIN -> {
        if (!whitespace) {
          write(' ');
        }
        if (!YamlQuoting.hasLineBreak(text)) {
          out.append(text);
          column += text.length();
        } else {
          lines(text, false);
        }
        whitespace = false;
        indention = false;
      }
      case SINGLE -> {
        indicator("'", true, false);
        lines(text, true);
        indicator("'", false, false);
      }
      case DOUBLE -> doubleQuoted(text);
      case LITERAL -> literal(text);
    }
    indent = outer;
  }

  /**
   * Plain or single-quoted text: a run of line breaks (only U+0085, U+2028 and U+2029 reach here) is
   * written as those breaks, one more if the run starts with {@code \n}, and the next line indented.
   */
  private void lines(String text, boolean single) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (YamlQuoting.lineBreak(c)) {
        if (c == '\n') {
          lineBreak('\n');
        }
        while (i < length && YamlQuoting.lineBreak(text.charAt(i))) {
          lineBreak(text.charAt(i++));
        }
        i--;
        lineStart();
        if (!single) {
          whitespace = false;
          indention = false;
        }
      } else if (single && c == '\'') {
        write('\'');
        write('\'');
      } else {
        write(c);
      }
    }
  }

  private void doubleQuoted(String text) {
    indicator("\"", true, false);
    String escaped = YamlQuoting.escaped(text);
    out.append(escaped);
    column += escaped.length();
    indicator("\"", false, false);
  }

  /**
   * A literal block: {@code |}, an indentation digit if the text starts with a blank or break, a
   * chomping sign ({@code -} no final newline, {@code +} more than one), then the lines indented.
   */
  private void literal(String text) {
    int length = text.length();
    StringBuilder hints = new StringBuilder("|");
    if (text.charAt(0) == ' ' || YamlQuoting.lineBreak(text.charAt(0))) {
      hints.append(STEP);
    }
    if (!YamlQuoting.lineBreak(text.charAt(length - 1))) {
      hints.append('-');
    } else if (length == 1 || YamlQuoting.lineBreak(text.charAt(length - 2))) {
      hints.append('+');
    }
    indicator(hints.toString(), true, false);
    lineBreak('\n');
    int i = 0;
    while (i < length) {
      while (i < length && YamlQuoting.lineBreak(text.charAt(i))) {
        lineBreak(text.charAt(i++));
      }
      if (i < length) {
        lineStart();
        int end = i;
        while (end < length && !YamlQuoting.lineBreak(text.charAt(end))) {
          end++;
        }
        out.append(text, i, end);
        if (end == length) {
          lineBreak('\n');
        }
        i = end;
      }
    }
  }

  /** Moves to a new line at the current indent, unless the line holds only indentation short of it. */
  private void lineStart() {
    int at = Math.max(indent, 0);
    if (!indention || column > at || (column == at && !whitespace)) {
      lineBreak('\n');
    }
    blanks(at - column);
  }

  private void blanks(int count) {
    if (count > 0) {
      whitespace = true;
      column += count;
      for (int i = 0; i < count; i++) {
        out.append(' ');
      }
    }
  }

  private void indicator(String text, boolean spaceBefore, boolean indentation) {
    if (spaceBefore && !whitespace) {
      write(' ');
    }
    whitespace = false;
    indention &= indentation;
    out.append(text);
    column += text.length();
  }

  private void lineBreak(char c) {
    out.append(c);
    whitespace = true;
    indention = true;
    column = 0;
  }

  private void write(char c) {
    out.append(c);
    column++;
  }
}
