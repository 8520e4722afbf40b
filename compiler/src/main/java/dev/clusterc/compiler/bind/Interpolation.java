package dev.clusterc.compiler.bind;

/** What {@code ${path}} means at one place: a name, a template argument, or a cluster field. */
@FunctionalInterface
public interface Interpolation {
  /** The text for {@code path}, or {@code null} when it names nothing here. */
  String resolve(String path);
}
