package dev.clusterc.compiler.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random trees, the YAML reads back (with SnakeYAML, a reader of its own) as the same tree, and
 * the bytes do not depend on the order the maps were filled in.
 */
class YamlWriterPropertyTest {
  /** Texts that YAML could take for something else, or that need quoting or a block. */
  private static final List<String> AWKWARD = List.of("", " ", "true", "false", "yes", "no", "on", "off", "null", "~",
      "1", "0.5", "-3", "1e3", "0x1F", "007", "1.0", "a: b", "- x", "#c", "a #c", "[x]", "{x}", "*x", "&x", "!x", "%x",
      "@x", "`x", "'q'", "\"q\"", "x\ny", "x\n", "\nx", "  lead", "trail  ", "tab\tin", "ü é", "50Mi", "10m0s",
      "http://a/b?c=d", "*.example.org", "10.0.0.0/8", "${VAR}", "x: |", "? x", "---", "...", "a\\b");

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 300)
  void readsBackAsTheSameTree(@ForAll("seeds") long seed) {
    Map<String, Object> tree = root(new Random(seed));
    String yaml = YamlWriter.toYaml(tree);
    assertEquals(YamlTrees.normal(tree), YamlTrees.read(yaml), yaml);
  }

  @Property(tries = 100)
  @SuppressWarnings("unchecked")
  void theBytesDoNotDependOnInsertionOrder(@ForAll("seeds") long seed) {
    Map<String, Object> tree = root(new Random(seed));
    assertEquals(YamlWriter.toYaml(tree), YamlWriter.toYaml((Map<String, Object>) shuffled(tree, new Random(seed + 1))));
  }

  private static Map<String, Object> root(Random random) {
    Map<String, Object> tree = map(random, 0);
    tree.put("apiVersion", "v1");
    tree.put("kind", "Thing");
    tree.put("metadata", map(random, 2));
    return tree;
  }

  private static Map<String, Object> map(Random random, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(5);
    for (int i = 0; i < size; i++) {
      map.put(text(random), value(random, depth + 1));
    }
    return map;
  }

  private static Object value(Random random, int depth) {
    int pick = random.nextInt(depth > 3 ? 4 : 6);
    return switch (pick) {
      case 0 -> text(random);
      case 1 -> random.nextBoolean() ? (Object) (random.nextInt(100_000) - 50_000L) : (Object) (random.nextInt(1000) / 8.0);
      case 2 -> random.nextBoolean();
      case 3 -> text(random) + text(random);
      case 4 -> map(random, depth);
      default -> {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          list.add(value(random, depth + 1));
        }
        yield list;
      }
    };
  }

  private static String text(Random random) {
    if (random.nextInt(3) == 0) {
      return AWKWARD.get(random.nextInt(AWKWARD.size()));
    }
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(8);
    for (int i = 0; i < length; i++) {
      text.append("abcxyz-_./0123 :#'\"".charAt(random.nextInt(19)));
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static Object shuffled(Object value, Random random) {
    if (value instanceof Map<?, ?> map) {
      List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) map).entrySet());
      Collections.shuffle(entries, random);
      Map<String, Object> copy = new LinkedHashMap<>();
      entries.forEach(e -> copy.put(e.getKey(), shuffled(e.getValue(), random)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> shuffled(v, random)).toList();
    }
    return value;
  }
}
