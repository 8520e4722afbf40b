package dev.clusterc.compiler.api;

import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.files.YamlDocuments;
import dev.clusterc.compiler.kube.KubeObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files a unit includes as they are, split by what a direct apply can do with them: a
 * SealedSecret is an ordinary object (only its controller opens it), a SOPS-encrypted Secret needs
 * decrypting first. The secret emitter names them {@code NAME.sealed.yaml} and {@code NAME.sops.yaml},
 * under {@code NAMESPACE/} when the namespace comes from where they are read.
 */
final class IncludedSecrets {
  private static final String SEALED = ".sealed.yaml";

  private IncludedSecrets() {}

  /** Whether the included file at {@code key} ({@code FILE} or {@code NAMESPACE/FILE}) is a SealedSecret. */
  static boolean sealed(String key) {
    return key.endsWith(SEALED);
  }

  /** The unit's SealedSecrets as objects, each in the namespace it is read in when its file names none. */
  static List<KubeObject> sealedObjects(Unit unit) {
    List<KubeObject> objects = new ArrayList<>();
    for (String key : unit.includes().keySet()) {
      if (!sealed(key)) {
        continue;
      }
      int slash = key.indexOf('/');
      String namespace = slash < 0 ? null : key.substring(0, slash);
      // check read this file as exactly one SealedSecret document, so it parses again here.
      Object value = YamlDocuments.parse(new String(unit.content(key), StandardCharsets.UTF_8)).documents().get(0).value();
      @SuppressWarnings("unchecked")
      KubeObject object = KubeObject.fromMap((Map<String, ?>) value);
      if (namespace != null) {
        object.metadata().put("namespace", namespace);
      }
      objects.add(object);
    }
    return objects;
  }
}
