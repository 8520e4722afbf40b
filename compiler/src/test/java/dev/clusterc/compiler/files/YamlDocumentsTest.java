package dev.clusterc.compiler.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML as Kubernetes reads it, with aliases resolved and every bound a hostile file could break. */
class YamlDocumentsTest {
  private static Object only(String text) {
    YamlDocuments.Parsed parsed = YamlDocuments.parse(text);
    assertNull(parsed.problem(), () -> parsed.problem().toString());
    assertEquals(1, parsed.documents().size());
    return parsed.documents().get(0).value();
  }

  private static String problem(String text) {
    YamlDocuments.Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> YamlDocuments.parse(text).problem());
    return problem == null ? null : (problem.where().isEmpty() ? "" : problem.where() + ": ") + problem.reason();
  }

  @Test
  void anAliasComesOutAsWhatItsAnchorNames() {
    Object value = only("""
        base: &labels
          app: web
          tier: front
        copy: *labels
        name: &n web
        again: *n
        merged:
          <<: *labels
          tier: back
        """);
    assertEquals(Map.of("base", Map.of("app", "web", "tier", "front"), "copy", Map.of("app", "web", "tier", "front"),
        "name", "web", "again", "web", "merged", Map.of("app", "web", "tier", "back")), value);
  }

  @Test
  void scalarsAreReadAsKubernetesReadsThemAndTimestampsStayText() {
    assertEquals(Map.of("n", 3, "f", 1.5, "b", true, "s", "3", "t", "2025-11-01T00:00:00Z", "nothing", "null", "k", "v"),
        replaceNull(only("n: 3\nf: 1.5\nb: yes\ns: \"3\"\nt: 2025-11-01T00:00:00Z\nnothing: ~\n1: v\n"), "k"));
  }

  /** The map with its null value shown as "null" and the key "1" renamed, so that Map.of can compare it. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> replaceNull(Object value, String renamed) {
    Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) value);
    map.put("nothing", String.valueOf(map.get("nothing")));
    map.put(renamed, map.remove("1"));
    return map;
  }

  @Test
  void documentsKeepTheirLinesAndEmptyOnesAreSkipped() {
    YamlDocuments.Parsed parsed = YamlDocuments.parse("---\na: 1\n---\n---\n# note\nb: 2\n");
    assertEquals(List.of(2, 6), parsed.documents().stream().map(YamlDocuments.Document::line).toList());
  }

  @Test
  void aBillionLaughsIsRefusedQuickly() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    assertEquals("its aliases expand to more than 1000000 values", problem(bomb.toString()));
  }

  @Test
  void tooManyAliasesARecursiveAliasAndDeepNestingAreRefused() {
    StringBuilder many = new StringBuilder("a: &a [x]\nb: [");
    for (int i = 0; i < YamlDocuments.MAX_ALIASES + 1; i++) {
      many.append(i == 0 ? "" : ", ").append("*a");
    }
    assertTrue(problem(many + "]\n").contains("Number of aliases for non-scalar nodes exceeds the specified max=100"),
        problem(many + "]\n"));
    assertTrue(problem("a: &a [*a]\n").contains("recursive"), problem("a: &a [*a]\n"));
    assertTrue(problem("[".repeat(500) + "]".repeat(500)).contains("Nesting Depth exceeded max 100"),
        problem("[".repeat(500) + "]".repeat(500)));
  }

  @Test
  void duplicateKeysCustomTagsAndControlCharactersAreRefusedAtTheirPosition() {
    assertEquals("line 2, column 1: the key `a` is written twice in one mapping", problem("a: 1\na: 2\n"));
    assertTrue(problem("a: !Ref thing\n").startsWith("line 1, column 4: could not determine a constructor for the tag !Ref"),
        problem("a: !Ref thing\n"));
    assertEquals("line 2, column 4: the character U+0007 is not allowed in YAML", problem("a: 1\nb: \u0007\n"));
  }

  /**
   * SnakeYAML's own reader copies what it has not consumed on every refill of 1,024 characters,
   * so one long value took time quadratic in its length: one 1 MiB value took 2.6 times as long as
   * 1 MiB of short values, which build 20,000 entries. Read linearly, the one value is the cheaper
   * (about a quarter of the time here); the best of three runs is compared, not a duration.
   */
  @Test
  void aLongValueIsReadInLinearTime() {
    int size = 1024 * 1024;
    StringBuilder shortValues = new StringBuilder("apiVersion: v1\nkind: Secret\ndata:\n");
    for (int i = 0; shortValues.length() < size; i++) {
      shortValues.append("  k").append(i).append(": \"").append("a".repeat(48)).append("\"\n");
    }
    long many = best(shortValues.toString());
    long one = best("apiVersion: v1\nkind: Secret\ndata:\n  k: \"" + "a".repeat(size) + "\"\n");
    assertTrue(one < many,
        "1 MiB of short values took " + many / 1_000_000 + " ms, one 1 MiB value took " + one / 1_000_000 + " ms");
  }

  private static long best(String text) {
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long start = System.nanoTime();
      assertNull(YamlDocuments.parse(text).problem());
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }
}
