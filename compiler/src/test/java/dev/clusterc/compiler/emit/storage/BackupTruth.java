package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the backup truth tests read from a whole compile: every object of every unit, and the keys
 * a Secret will hold in a namespace, read from whichever object makes it there (a Secret, an
 * ExternalSecret's {@code spec.data[].secretKey}, a SealedSecret's {@code spec.encryptedData}).
 */
final class BackupTruth {
  private BackupTruth() {}

  /** Compiles an inline cluster (which must check without errors) and returns every object of its units. */
  static List<KubeObject> compile(String text) {
    Program program = CheckFixture.programWithSecretFiles(text);
    if (program.hasErrors()) {
      throw new AssertionError(CheckFixture.render(program.diagnostics()));
    }
    return objects(ManifestCompiler.compile(program));
  }

  static List<KubeObject> objects(Compilation compilation) {
    List<KubeObject> all = new ArrayList<>();
    for (Unit unit : compilation.units()) {
      all.addAll(unit.objects());
    }
    return all;
  }

  static List<KubeObject> ofKind(List<KubeObject> objects, String kind) {
    return objects.stream().filter(o -> o.kind().equals(kind)).toList();
  }

  /** The keys the Secret {@code name} will hold in {@code namespace}, if some object makes it there. */
  @SuppressWarnings("unchecked")
  static Optional<List<String>> secretKeys(List<KubeObject> objects, String namespace, String name) {
    for (KubeObject object : objects) {
      if (!name.equals(object.name()) || !namespace.equals(object.namespace())) {
        continue;
      }
      Map<String, Object> tree = object.tree();
      switch (object.kind()) {
        case "Secret" -> {
          List<String> keys = new ArrayList<>();
          for (String field : List.of("data", "stringData")) {
            if (tree.get(field) instanceof Map<?, ?> map) {
              map.keySet().forEach(k -> keys.add((String) k));
            }
          }
          return Optional.of(keys);
        }
        case "ExternalSecret" -> {
          List<Map<String, Object>> data = (List<Map<String, Object>>) object.map("spec").getOrDefault("data", List.of());
          return Optional.of(data.stream().map(d -> (String) d.get("secretKey")).toList());
        }
        case "SealedSecret" -> {
          Map<String, Object> encrypted = (Map<String, Object>) object.map("spec").getOrDefault("encryptedData", Map.of());
          return Optional.of(List.copyOf(encrypted.keySet()));
        }
        default -> { }
      }
    }
    return Optional.empty();
  }
}
