package dev.clusterc.runtime.inventory;

/**
 * Which tool manages an ApplySet, as its parent's {@code applyset.kubernetes.io/tooling} annotation
 * says it: {@code <name>/<version>}. Tools compare only the name: a newer clusterc takes over an older
 * one's set, but clusterc never changes kubectl's or Helm's, nor they clusterc's.
 */
public record Tooling(String name, String version) {
  /** Our name in the annotation. */
  public static final String CLUSTERC = "clusterc";

  /** clusterc at {@code version} ({@code v0.1.0}; a leading {@code v} is added when missing). */
  public static Tooling clusterc(String version) {
    return new Tooling(CLUSTERC, version.startsWith("v") ? version : "v" + version);
  }

  /** The tool's name in an annotation value: everything before the last {@code /}, as kubectl reads it. */
  public static String nameIn(String annotation) {
    int slash = annotation.lastIndexOf('/');
    return slash < 0 ? annotation : annotation.substring(0, slash);
  }

  /** {@code clusterc/v0.1.0}. */
  @Override
  public String toString() {
    return name + "/" + version;
  }
}
