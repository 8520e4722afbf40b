package dev.clusterc.runtime.status;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One row of a status table: an object written as YAML, the status it must get and a piece of the
 * message that must say why (empty when any message will do).
 */
record StatusCase(String name, Status expected, String messagePart, String yaml) {
  /** The instant every table is computed at. */
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  static StatusCase of(String name, Status expected, String messagePart, String yaml) {
    return new StatusCase(name, expected, messagePart, yaml);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object() {
    return YAML.unmarshal(yaml, Map.class);
  }

  StatusResult compute() {
    return KStatus.compute(object(), CLOCK);
  }

  @Override
  public String toString() {
    return name;
  }
}
