package dev.clusterc.compiler.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlWriterTest {
  @Test
  void identityFirstThenEveryKeySorted() {
    KubeObject object = KubeObject.of("v1", "ConfigMap", "settings", "ops");
    object.put("immutable", true);
    object.put("data", Tree.map("zeta", "z", "alpha", "a"));
    object.labels().put("b", "2");
    object.labels().put("a", "1");
    object.annotations().put("note", "x");
    assertEquals("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          annotations:
            note: x
          labels:
            a: "1"
            b: "2"
          name: settings
          namespace: ops
        data:
          alpha: a
          zeta: z
        immutable: true
        """, YamlWriter.toYaml(object));
  }

  @Test
  void nestedMapsAreSortedWithoutAnIdentityHead() {
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("name", "web");
    reference.put("kind", "Deployment");
    reference.put("apiVersion", "apps/v1");
    KubeObject object = KubeObject.of("v1", "ConfigMap", "x", null).put("spec", Map.of("ref", reference));
    assertEquals("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
        spec:
          ref:
            apiVersion: apps/v1
            kind: Deployment
            name: web
        """, YamlWriter.toYaml(object));
  }

  @Test
  void scalarsAreQuotedOnlyWhereTheyWouldReadAsSomethingElse() {
    KubeObject object = KubeObject.of("v1", "ConfigMap", "x", null).put("data", Tree.map(
        "port", "8080", "flag", "true", "empty", "", "plain", "hello world", "colon", "a: b", "number", 8080L,
        "ratio", 0.5, "yes", true, "list", List.of("one", 2, List.of("three")), "script", "line one\nline two\n"));
    assertEquals("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
        data:
          colon: "a: b"
          empty: ""
          flag: "true"
          list:
            - one
            - 2
            -   - three
          number: 8080
          plain: hello world
          port: "8080"
          ratio: 0.5
          script: |
            line one
            line two
          "yes": true
        """, YamlWriter.toYaml(object));
  }

  @Test
  void textsAYaml11ReaderTakesForNumbersOrBooleansAreQuoted() {
    KubeObject object = KubeObject.of("v1", "ConfigMap", "x", null).put("data", Tree.map(
        "exponent", "1e3", "hex", "0x1F", "underscores", "1_000", "base60", "1:20", "infinity", ".inf", "yes-short", "y",
        "tag", "v1e3", "date", "2024-04-01"));
    assertEquals("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
        data:
          base60: "1:20"
          date: 2024-04-01
          exponent: "1e3"
          hex: "0x1F"
          infinity: ".inf"
          tag: v1e3
          underscores: "1_000"
          yes-short: "y"
        """, YamlWriter.toYaml(object));
  }

  @Test
  void aStreamPutsAMarkerBeforeEachDocument() throws Exception {
    StringWriter out = new StringWriter();
    YamlWriter.writeDocument(KubeObject.of("v1", "Namespace", "a", null), out);
    YamlWriter.writeDocument(KubeObject.of("v1", "Namespace", "b", null), out);
    assertEquals("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n"
        + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n", out.toString());
  }

  @Test
  void keysAFileWroteAsNumbersAreWrittenAsText() {
    Map<Object, Object> data = new LinkedHashMap<>();
    data.put(10, "ten");
    data.put(2, "two");
    Map<String, Object> tree = Tree.map("apiVersion", "v1", "kind", "ConfigMap", "metadata", Tree.map("name", "x"), "data", data);
    assertEquals("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  \"10\": ten\n  \"2\": two\n",
        YamlWriter.toYaml(tree));
  }

  @Test
  void nullMapValuesAreLeftOutAndNullListItemsKept() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("unset", null);
    data.put("items", java.util.Arrays.asList("a", null));
    KubeObject object = KubeObject.of("v1", "ConfigMap", "x", null).put("data", data);
    assertEquals("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  items:\n    - a\n    - null\n",
        YamlWriter.toYaml(object));
  }

  @Test
  void refusesWhatATreeCannotHold() {
    KubeObject object = KubeObject.of("v1", "ConfigMap", "x", null).put("data", Map.of("when", new java.util.Date()));
    assertThrows(IllegalArgumentException.class, () -> YamlWriter.toYaml(object));
  }
}
