package dev.clusterc.compiler.kube;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes object as a plain tree: maps with string keys, lists, strings, numbers and
 * booleans. Emitters build these instead of fabric8's model classes: a tree costs no builder or
 * bean-introspection classes, and it is written as YAML by walking it. Key order is not kept: the
 * writer prints {@code apiVersion}, {@code kind} and {@code metadata} first and every other key
 * sorted, as {@code kubectl get -o yaml} does, so output never depends on insertion order.
 */
public final class KubeObject {
  private final Map<String, Object> root;

  private KubeObject(Map<String, Object> root) {
    this.root = root;
  }

  /** A new object; {@code namespace} is {@code null} for a cluster-scoped one. */
  public static KubeObject of(String apiVersion, String kind, String name, String namespace) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("apiVersion", apiVersion);
    root.put("kind", kind);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    root.put("metadata", metadata);
    return new KubeObject(root);
  }

  /**
   * An object read from a file as it is (a {@code manifests} entry): the map must hold
   * {@code apiVersion}, {@code kind} and {@code metadata.name}; it is copied, so later changes to
   * {@code tree} do not reach the object.
   */
  public static KubeObject fromMap(Map<String, ?> tree) {
    Map<String, Object> copy = Tree.copy(tree);
    if (!(copy.get("apiVersion") instanceof String) || !(copy.get("kind") instanceof String)
        || !(copy.get("metadata") instanceof Map<?, ?> metadata) || !(metadata.get("name") instanceof String)) {
      throw new IllegalArgumentException("an object needs apiVersion, kind and metadata.name");
    }
    return new KubeObject(copy);
  }

  public String apiVersion() {
    return (String) root.get("apiVersion");
  }

  public String kind() {
    return (String) root.get("kind");
  }

  /** The API group, empty for the core group ({@code v1}). */
  public String group() {
    String apiVersion = apiVersion();
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public String name() {
    return (String) metadata().get("name");
  }

  /** The namespace, or {@code null} for a cluster-scoped object. */
  public String namespace() {
    return (String) metadata().get("namespace");
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> metadata() {
    return (Map<String, Object>) root.get("metadata");
  }

  /** The labels, to read or change; made on first use. */
  public Map<String, String> labels() {
    return stringMap("labels");
  }

  /** The annotations, to read or change; made on first use. */
  public Map<String, String> annotations() {
    return stringMap("annotations");
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> stringMap(String key) {
    return (Map<String, String>) metadata().computeIfAbsent(key, k -> new TreeMap<String, String>());
  }

  /** Sets a top-level field such as {@code spec}, {@code data} or {@code type}; {@code null} removes it. */
  public KubeObject put(String field, Object value) {
    if (field.equals("apiVersion") || field.equals("kind") || field.equals("metadata")) {
      throw new IllegalArgumentException("`" + field + "` is set when the object is made");
    }
    if (value == null) {
      root.remove(field);
    } else {
      root.put(field, value);
    }
    return this;
  }

  /** A top-level field, or {@code null}. */
  public Object get(String field) {
    return root.get(field);
  }

  /** The map under a top-level field ({@code spec} most often), made empty on first use. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String field) {
    return (Map<String, Object>) root.computeIfAbsent(field, k -> new LinkedHashMap<String, Object>());
  }

  /** The whole tree, read-only (its inner maps and lists are the object's own: do not change them). */
  public Map<String, Object> tree() {
    return Collections.unmodifiableMap(root);
  }

  /** A deep copy, for results that must not change when the emitter's object does. */
  public KubeObject copy() {
    return new KubeObject(Tree.copy(root));
  }

  /** {@code Kind namespace/name}, for messages. */
  @Override
  public String toString() {
    String namespace = namespace();
    return kind() + " " + (namespace == null ? "" : namespace + "/") + name();
  }
}
