package dev.clusterc.cli.run;

import dev.clusterc.compiler.diag.JsonRenderer;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import java.time.Duration;
import java.util.List;

/** The JSON words the run views share: an object id, a change, a duration, a string. */
final class Json {
  private Json() {}

  static String string(String text) {
    return text == null ? "null" : JsonRenderer.string(text);
  }

  /** {@code {"group":"apps","kind":"Deployment","namespace":"media","name":"jellyfin"}}; namespace null when cluster-scoped. */
  static String object(ObjectId id) {
    return "{\"group\":" + string(id.group()) + ",\"kind\":" + string(id.kind()) + ",\"namespace\":"
        + string(id.namespace()) + ",\"name\":" + string(id.name()) + "}";
  }

  /** The change in lower case: {@code created}, {@code configured}, … */
  static String change(Change change) {
    return string(Words.change(change));
  }

  static long millis(Duration duration) {
    return duration.toMillis();
  }

  static String array(List<String> elements) {
    return "[" + String.join(",", elements) + "]";
  }
}
