package dev.clusterc.compiler.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The entries a kind, or a nested block such as {@code network}, accepts. */
public final class Schema {
  private final String owner;
  private final Map<String, Property> properties = new LinkedHashMap<>();

  public Schema(String owner) {
    this.owner = owner;
  }

  public String owner() {
    return owner;
  }

  public Optional<Property> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  public List<Property> properties() {
    return List.copyOf(properties.values());
  }

  public List<String> names() {
    return new ArrayList<>(properties.keySet());
  }

  /** Adds an entry once. */
  public Schema one(String name, String signature) {
    return add(name, signature, false, false, null, null);
  }

  /** Adds an entry once, with its default. */
  public Schema one(String name, String signature, Object defaultValue) {
    return add(name, signature, false, false, defaultValue, null);
  }

  /** Adds an entry that must be present. */
  public Schema required(String name, String signature) {
    return add(name, signature, false, true, null, null);
  }

  /** Adds an entry that may appear more than once. */
  public Schema repeated(String name, String signature) {
    return add(name, signature, true, false, null, null);
  }

  /** Adds an entry with a block of its own. */
  public Schema block(String name, String signature, boolean repeatable, Schema block) {
    return add(name, signature, repeatable, false, null, block);
  }

  /** Adds an entry with a block of its own that must be present. */
  public Schema requiredBlock(String name, String signature, Schema block) {
    return add(name, signature, false, true, null, block);
  }

  private Schema add(String name, String signature, boolean repeatable, boolean required, Object defaultValue, Schema block) {
    properties.put(name, new Property(name, Signature.display(signature), Signature.parse(signature), repeatable, required,
        defaultValue, block));
    return this;
  }
}
