package dev.clusterc.compiler.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML back into trees with SnakeYAML, a reader independent of the writer, so tests can see
 * that what {@link YamlWriter} prints means the tree it was given.
 */
public final class YamlTrees {
  private YamlTrees() {}

  /** One YAML document as a tree, integers as {@code Long} (so trees compare whatever int width they were built with). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(String yaml) {
    Object value = new Yaml(new TextTimestamps()).load(yaml);
    return (Map<String, Object>) normal(value);
  }

  /** Dates stay text, as the compiler's own reader keeps them ({@code from: 2024-04-01} in Helm values). */
  private static final class TextTimestamps extends SafeConstructor {
    TextTimestamps() {
      super(new LoaderOptions());
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
  }

  /** The same tree with every integer a {@code Long} and every floating number a {@code Double}. */
  public static Object normal(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), normal(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(normal(v)));
      return copy;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  /** The object's YAML reads back as its own tree, and writing that tree again gives the same bytes. */
  public static void assertReadsBack(KubeObject object) {
    String yaml = YamlWriter.toYaml(object);
    Map<String, Object> read = read(yaml);
    assertEquals(normal(object.tree()), read, () -> "read back\n" + yaml);
    assertEquals(yaml, YamlWriter.toYaml(KubeObject.fromMap(read)), "written again");
  }
}
