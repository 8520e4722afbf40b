package dev.clusterc.compiler.kube;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link KubeObject}s as YAML with Jackson's streaming generator, walking the tree: no
 * data binding, no bean introspection, and nothing built whole in memory (a stream of many objects
 * goes straight to its {@link Writer}). The same tree gives the same bytes: {@code apiVersion},
 * {@code kind} and {@code metadata} first, every other key of every map sorted, as
 * {@code kubectl get -o yaml} prints them; no document start marker; quotes only where YAML needs
 * them, and on strings that would read back as numbers or booleans ({@link YamlQuoting}); no line
 * splitting; list items indented under their key; multi-line strings as literal blocks; a map
 * entry whose value is {@code null} (a {@code manifests} file's {@code key: ~}) left out, as it was
 * when objects went through fabric8.
 */
public final class YamlWriter {
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .stringQuotingChecker(new YamlQuoting())
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
      .build();

  /** The keys a Kubernetes object starts with, in this order; every other key follows, sorted. */
  private static final List<String> HEAD = List.of("apiVersion", "kind", "metadata");

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
    StringWriter text = new StringWriter();
    try {
      document(tree, text);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return text.toString();
  }

  /** Writes one document holding {@code tree} to {@code out}, which stays open. */
  public static void document(Map<String, ?> tree, Writer out) throws IOException {
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      map(generator, tree, HEAD);
    }
  }

  private static void value(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Map<?, ?> map) {
      map(generator, map, List.of());
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        value(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      generator.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof BigInteger big) {
      generator.writeNumber(big);
    } else if (value instanceof BigDecimal big) {
      generator.writeNumber(big);
    } else if (value == null) {
      generator.writeNull();
    } else {
      throw new IllegalArgumentException("a tree holds maps, lists, strings, numbers and booleans, not "
          + value.getClass().getName());
    }
  }

  /** The {@code first} keys first (those present), then the rest sorted by their text. */
  private static void map(JsonGenerator generator, Map<?, ?> map, List<String> first) throws IOException {
    generator.writeStartObject();
    int head = 0;
    for (String key : first) {
      if (map.containsKey(key)) {
        entry(generator, key, map.get(key));
        head++;
      }
    }
    if (map.size() > head) {
      List<String> keys = new ArrayList<>(map.size());
      for (Object key : map.keySet()) {
        String text = String.valueOf(key);
        if (!first.contains(text)) {
          keys.add(text);
        }
      }
      keys.sort(null);
      boolean textKeys = keys.size() == map.size() - head && allStrings(map);
      for (String key : keys) {
        entry(generator, key, textKeys ? map.get(key) : lookup(map, key));
      }
    }
    generator.writeEndObject();
  }

  /** A key and its value; a key whose value is {@code null} is left out, as an unset field. */
  private static void entry(JsonGenerator generator, String key, Object value) throws IOException {
    if (value != null) {
      generator.writeFieldName(key);
      value(generator, value);
    }
  }

  private static boolean allStrings(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /** The value of a key that a file wrote as a number or boolean ({@code 1: one}), found by its text. */
  private static Object lookup(Map<?, ?> map, String key) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (String.valueOf(entry.getKey()).equals(key)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
