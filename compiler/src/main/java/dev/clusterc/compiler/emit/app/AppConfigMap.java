package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.files.ReferencedFiles;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ConfigMap that holds an app's {@code config} files, one key per file, and how the container
 * mounts each: the volume {@link #VOLUME} and a {@code subPath} mount per key, so a file lands at
 * its path and the other files of that directory (those of the image) remain.
 *
 * <p>The ConfigMap is named {@code APP-config-HASH}, the hash a digest of its keys and contents.
 * A changed file therefore gives a new name, the Deployment's pod template changes with it, and the
 * pods roll, as they must: the kubelet never refreshes a {@code subPath} mount, so an app would
 * otherwise keep its old file until restarted by hand. The old ConfigMap is pruned with the rest of
 * the unit's removed objects; the name is the same for the same content, so compiling twice changes
 * nothing (kustomize's {@code configMapGenerator} follows the same rule).
 *
 * <p>A key is the path's file name; a second config whose file name is taken gets its position
 * in front ({@code 2-config.yaml}), so two directories may each hold a {@code config.yaml}; should
 * that key be taken too (a file named {@code 2-config.yaml}), the number goes up until the key is
 * free, since a repeated key would keep only one of the files. The
 * content is that of the text block or of the file analysis read ({@link ReferencedFiles}); an
 * entry that did not bind, names no content or repeats a path (each reported) is left out.
 */
final class AppConfigMap {
  /** The pod volume of the ConfigMap; a mounted volume of this name pushes it to {@code config-files}. */
  static final String VOLUME = "config";

  /** One file of the ConfigMap: where it is mounted, its key and its content. */
  record File(String path, String key, String content) {}

  private AppConfigMap() {}

  /** The files of the app's configs, in source order, as the ConfigMap and the mounts use them. */
  static List<File> files(App app, ReferencedFiles read) {
    List<File> files = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    Set<String> keys = new HashSet<>();
    int position = 0;
    for (AppConfig config : app.configs()) {
      position++;
      if (config.path() == null || !config.sourced() || !paths.add(config.path().value())) {
        continue;
      }
      Optional<String> content = config.text() != null
          ? Optional.of(config.text().value()) : read.config(app.decl(), config.path().value());
      if (content.isEmpty()) {
        continue;
      }
      String key = config.fileName();
      for (int n = position; keys.contains(key); n++) {
        key = n + "-" + config.fileName();
      }
      keys.add(key);
      files.add(new File(config.path().value(), key, content.get()));
    }
    return files;
  }

  /** The ConfigMap, or empty when the app has no config. */
  static Optional<KubeObject> of(App app, EmitContext context) {
    List<File> files = files(app, context.program().files());
    if (files.isEmpty()) {
      return Optional.empty();
    }
    Decl decl = app.decl();
    KubeObject configMap = context.object(decl, "v1", "ConfigMap", name(app.decl().name(), files), app.namespace());
    Map<String, Object> data = new LinkedHashMap<>();
    files.forEach(file -> data.put(file.key(), file.content()));
    configMap.put("data", data);
    return Optional.of(configMap);
  }

  /** {@code APP-config-HASH}: the first 10 hex digits of SHA-256 over each key and content. */
  static String name(String app, List<File> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (File file : files) {
        digest.update((file.key() + "\0" + file.content() + "\0").getBytes(StandardCharsets.UTF_8));
      }
      return app + "-config-" + HexFormat.of().formatHex(digest.digest()).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The pod volume's name: {@link #VOLUME}, or {@code config-files} when a mounted volume has that name. */
  static String volumeName(App app) {
    boolean taken = app.mounts().stream().anyMatch(m -> m.target() != null && m.target().name().equals(VOLUME));
    return taken ? VOLUME + "-files" : VOLUME;
  }

  /** The pod volume of the ConfigMap, or {@code null} when the app has no config. */
  static Map<String, Object> volume(App app, ReferencedFiles read) {
    List<File> files = files(app, read);
    return files.isEmpty() ? null : map("name", volumeName(app), "configMap", map("name", name(app.decl().name(), files)));
  }

  /** One read-only {@code subPath} mount per file. */
  static List<Object> mounts(App app, ReferencedFiles read) {
    List<Object> mounts = new ArrayList<>();
    for (File file : files(app, read)) {
      mounts.add(map("name", volumeName(app), "mountPath", file.path(), "subPath", file.key(), "readOnly", Boolean.TRUE));
    }
    return mounts;
  }
}
