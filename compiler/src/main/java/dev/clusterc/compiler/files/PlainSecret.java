package dev.clusterc.compiler.files;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys and values of a {@code secret … env-file PATH}, read during analysis
 * ({@link EnvFileReader}) for the one object allowed to carry them: the plain Secret of a cluster
 * that is applied and never committed. {@link #toString()} names the file and the keys only, so
 * that a value cannot reach a log or a message by accident.
 *
 * @param values in file order
 */
public record PlainSecret(Path path, Map<String, String> values) {
  public PlainSecret {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  @Override
  public String toString() {
    return "PlainSecret[" + path + ", keys " + values.keySet() + "]";
  }
}
