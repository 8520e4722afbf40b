package dev.clusterc.compiler.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The tree-walking {@link YamlWriter} prints the same bytes as Jackson's YAML generator configured
 * as the compiler used it before (minimal quotes, numbers-as-text quoted, no line splitting, list
 * items indented with their indicator, YAML 1.1 numbers and booleans quoted). Jackson stays here as
 * the oracle. Random trees mix awkward texts: indicators, blanks at the ends, control and non-ASCII
 * characters, YAML's own line breaks, keys too long or empty for {@code key:}.
 */
class YamlWriterOracleTest {
  private static final YAMLFactory ORACLE = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .stringQuotingChecker(new Yaml11Quoting())
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final String[] PIECES = {"a", "b", "x", "kind", " ", "  ", "\t", "\n", "\n\n", "\r", ":", ": ",
      "#", " #", "-", "- ", "?", "'", "\"", "\\", "é", "日本", "\uD83D\uDE00", "\u0085", "\u2028", "\u2029",
      "\u00A0", "\uFEFF", "\0", "\u001B", "\u0007", "0", "1", "07", "1e3", "0x1F", ".", "...", "---", "[", "]",
      "{", ",", "~", "|", ">", "&", "*", "!", "%", "@", "`", "true", "no", "y", "null", "<<", "=", "1:20", ".inf"};

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 2000)
  void printsWhatJacksonPrinted(@ForAll("seeds") long seed) throws IOException {
    Random random = new Random(seed);
    Map<String, Object> tree = map(random, 0);
    tree.put("kind", text(random));
    assertEquals(oracle(tree), YamlWriter.toYaml(tree));
  }

  @Test
  void singleTextsPrintAsJacksonPrintedThem() throws IOException {
    for (String piece : PIECES) {
      for (String other : PIECES) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put(piece + other, List.of(piece + other, Map.of(other, piece)));
        tree.put("v", piece + other + piece);
        assertEquals(oracle(tree), YamlWriter.toYaml(tree), piece + other);
      }
    }
  }

  private static Map<String, Object> map(Random random, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < size; i++) {
      map.put(random.nextInt(20) == 0 ? "k".repeat(120 + random.nextInt(16)) : text(random), value(random, depth + 1));
    }
    return map;
  }

  private static Object value(Random random, int depth) {
    return switch (random.nextInt(depth > 4 ? 5 : 8)) {
      case 0, 1 -> text(random);
      case 2 -> switch (random.nextInt(8)) {
        case 0 -> random.nextLong();
        case 1 -> random.nextInt(100) - 50;
        case 2 -> random.nextDouble() * 1e6;
        case 3 -> List.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 1e300, 0.1f).get(random.nextInt(5));
        case 4 -> new BigDecimal("1.50E+3");
        case 5 -> BigInteger.TEN.pow(30);
        default -> random.nextBoolean();
      };
      case 3 -> random.nextInt(4) == 0 ? null : text(random);
      case 4 -> "line one\n" + text(random) + (random.nextBoolean() ? "\n" : "");
      case 5 -> map(random, depth);
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
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(5);
    for (int i = 0; i < length; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  /** Writes a tree as the compiler did with Jackson: head keys first, the rest sorted, null entries left out. */
  private static String oracle(Map<String, ?> tree) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = ORACLE.createGenerator(text)) {
      write(generator, tree, true);
    }
    return text.toString();
  }

  private static void write(JsonGenerator generator, Object value, boolean root) throws IOException {
    if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      Map<String, Object> rest = new TreeMap<>();
      map.forEach((k, v) -> rest.put((String) k, v));
      List<String> keys = new ArrayList<>();
      for (String head : root ? List.of("apiVersion", "kind", "metadata") : List.<String>of()) {
        if (rest.containsKey(head)) {
          keys.add(head);
          rest.remove(head);
        }
      }
      keys.addAll(rest.keySet());
      for (String key : keys) {
        if (map.get(key) != null) {
          generator.writeFieldName(key);
          write(generator, map.get(key), false);
        }
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        write(generator, item, false);
      }
      generator.writeEndArray();
    } else if (value instanceof String string) {
      generator.writeString(string);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Integer || value instanceof Long) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      generator.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof BigInteger big) {
      generator.writeNumber(big);
    } else if (value instanceof BigDecimal big) {
      generator.writeNumber(big);
    } else {
      generator.writeNull();
    }
  }

  /** The quoting the compiler gave Jackson: its own rules, and every text YAML 1.1 reads as a number or boolean. */
  private static final class Yaml11Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\.[0-9_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?"
        + "|0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
        + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final List<String> WORDS = List.of("y", "Y", "n", "N", "<<", "=");

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || other(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || other(value);
    }

    private static boolean other(String text) {
      return NUMBER.matcher(text).matches() || WORDS.contains(text);
    }
  }
}
