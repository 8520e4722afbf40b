package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Helm values laid over one another. */
class ValuesTest {
  @Test
  void mapsMergeAtEveryDepthAndEverythingElseIsReplaced() {
    Map<String, Object> base = map("a", map("x", 1L, "y", List.of(1L, 2L)), "b", "keep", "c", map("z", true));
    Map<String, Object> override = map("a", map("y", List.of(3L), "w", "new"), "c", "scalar", "d", map());
    assertEquals("{a={x=1, y=[3], w=new}, b=keep, c=scalar, d={}}", Values.merge(base, override).toString());
    assertEquals("{a={x=1, y=[1, 2]}, b=keep, c={z=true}}", base.toString(), "the values underneath are not changed");
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
