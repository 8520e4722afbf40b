package dev.clusterc.testapiserver;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers the result of a cache-filling script per script path, so that every test class of a
 * JVM gets the same directory and a failed build is reported at once instead of retried for
 * minutes by each class.
 */
final class OncePerJvm<T> {

  private final Map<Path, Object> results = new HashMap<>();

  /** The remembered result for {@code script}, else {@code run}'s (its failure is remembered too). */
  synchronized T get(Path script, Function<Path, T> run) {
    Path key = script.toAbsolutePath().normalize();
    Object known = results.get(key);
    if (known instanceof IllegalStateException failure) {
      throw new IllegalStateException("an earlier run of " + key + " failed in this JVM: "
          + failure.getMessage(), failure);
    }
    if (known != null) {
      @SuppressWarnings("unchecked")
      T result = (T) known;
      return result;
    }
    try {
      T result = run.apply(key);
      results.put(key, result);
      return result;
    } catch (IllegalStateException e) {
      results.put(key, e);
      throw e;
    }
  }
}
