package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.DriftIgnore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a declaration's {@code ignore-drift} rules ({@link DriftIgnore}) onto its objects as the
 * annotation clusterc's runtime reads, {@code clusterc.dev/drift-ignore}: the JSON pointers that
 * apply to the object's kind, one a line, sorted and each once, so that the output does not depend
 * on the order the rules were written in. An object no rule applies to is left as it is; pointers an
 * object of {@code manifests} already carries in the annotation (one a line or comma-separated, as
 * the runtime reads them) are kept beside the declared ones.
 */
public final class DriftIgnoreAnnotation {
  /** The annotation's key, as clusterc's runtime reads it. */
  public static final String KEY = "clusterc.dev/drift-ignore";

  private DriftIgnoreAnnotation() {}

  /** Annotates each of {@code objects} in place with the pointers of the rules that cover its kind. */
  public static void apply(List<DriftIgnore> rules, Collection<KubeObject> objects) {
    if (rules.isEmpty()) {
      return;
    }
    for (KubeObject object : objects) {
      TreeSet<String> pointers = new TreeSet<>();
      for (DriftIgnore rule : rules) {
        if (rule.pointer() != null && rule.covers(object.kind())) {
          pointers.add(rule.pointer().value());
        }
      }
      if (pointers.isEmpty()) {
        continue;
      }
      Map<String, String> annotations = object.annotations();
      Object existing = ((Map<?, ?>) annotations).get(KEY);
      if (existing != null) {
        for (String written : String.valueOf(existing).split("[,\n]")) {
          if (!written.isBlank()) {
            pointers.add(written.strip());
          }
        }
      }
      annotations.put(KEY, String.join("\n", pointers));
    }
  }
}
