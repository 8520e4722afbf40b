package dev.clusterc.compiler.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of declaration, with the layer each sits on unless it says otherwise. */
public enum Kind {
  CLUSTER("cluster", null),
  NODE("node", null),
  VIP("vip", "controllers"),
  POOL("pool", "platform"),
  GATEWAY("gateway", "platform"),
  DNS("dns", "platform"),
  CERTIFICATE("certificate", "platform"),
  ISSUER("issuer", "platform"),
  STORE("store", "platform"),
  SECRET("secret", "platform"),
  BACKUP("backup", "platform"),
  VOLUME("volume", "storage"),
  DATABASE("database", "storage"),
  APP("app", "apps"),
  COMPONENT("component", "controllers");

  private final String keyword;
  private final String defaultLayer;

  Kind(String keyword, String defaultLayer) {
    this.keyword = keyword;
    this.defaultLayer = defaultLayer;
  }

  public String keyword() {
    return keyword;
  }

  /** The layer a declaration of this kind sits on by default; {@code null} for cluster and node. */
  public String defaultLayer() {
    return defaultLayer;
  }

  /** Whether the declaration takes part in layering and the dependency graph. */
  public boolean isLayered() {
    return defaultLayer != null;
  }

  /** "an app", "a volume": for messages. */
  public String withArticle() {
    return ("aeiou".indexOf(keyword.charAt(0)) >= 0 ? "an " : "a ") + keyword;
  }

  public static Optional<Kind> of(String keyword) {
    return Arrays.stream(values()).filter(k -> k.keyword.equals(keyword)).findFirst();
  }

  public static List<String> keywords() {
    return Arrays.stream(values()).map(Kind::keyword).toList();
  }
}
