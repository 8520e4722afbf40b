package dev.clusterc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code ignore-drift} entries format like any entry: aligned in their block, stable on a second run. */
class IgnoreDriftFormatTest {
  @Test
  void ignoreDriftEntriesAlignAndFormatToThemselves() {
    String text = """
        app web {
        image "nginx:1.27.0"
            ignore-drift   "/spec/replicas"   in Deployment
          ignore-drift "/metadata/annotations/example.com~1owner"
        }
        use traefik { ignore-drift "/spec/replicas" in   Deployment }
        """;
    String formatted = FormatCheck.assertFormatsWell("drift.cluster", text);
    assertEquals("""
        app web {
          image        "nginx:1.27.0"
          ignore-drift "/spec/replicas" in Deployment
          ignore-drift "/metadata/annotations/example.com~1owner"
        }
        use traefik { ignore-drift "/spec/replicas" in Deployment }
        """, formatted);
  }
}
