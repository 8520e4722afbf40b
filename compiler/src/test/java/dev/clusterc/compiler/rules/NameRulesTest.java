package dev.clusterc.compiler.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The label rule in words, and the nearest label, as the checks and rename both say them. */
class NameRulesTest {
  @Test
  void suggestions() {
    assertEquals("k3s-w1", NameRules.suggest("K3s_W1"));
    assertEquals("media", NameRules.suggest("_Media_"));
    assertEquals("a-b", NameRules.suggest("a__--b"));
    assertEquals("x", NameRules.suggest("___"));
  }

  @Test
  void problems() {
    assertNull(NameRules.problem("sonarr-config"));
    assertEquals("it has upper-case letters", NameRules.problem("Sonarr"));
    assertEquals("it has `_`, and a name has only lower-case letters, digits and `-`", NameRules.problem("a_b"));
    assertEquals("it must start and end with a letter or digit", NameRules.problem("-a"));
    assertEquals("it has 64 characters, and a name has at most 63", NameRules.problem("a".repeat(64)));
  }
}
