package dev.clusterc.compiler.files;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppConfig;
import dev.clusterc.compiler.model.ClusterModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the files of an app's {@code config PATH file FILE} entries ({@link BoundedFile}: a regular
 * UTF-8 text file of at most 1 MiB, relative to the directory of the file that declares the entry),
 * so that {@code check} reports a missing or unreadable file at the entry and {@code compile} puts
 * exactly the text {@code check} read into the app's ConfigMap.
 *
 * <p>The content is not parsed: a configuration file may be YAML, TOML, INI or anything else, and
 * only the app knows. What Kubernetes itself limits is checked: all of an app's configuration files
 * (inline ones too) go into one ConfigMap, which the API server refuses above 1 MiB of data.
 */
final class ConfigFileReader {
  /** The API server's limit on a ConfigMap's data (its {@code MaxSecretSize}, shared by ConfigMaps). */
  static final int MAX_CONFIG_MAP_BYTES = 1024 * 1024;

  private final ClusterModel model;
  private final Path workingDirectory;
  private final Consumer<Diagnostic> report;

  ConfigFileReader(ClusterModel model, Path workingDirectory, Consumer<Diagnostic> report) {
    this.model = model;
    this.workingDirectory = workingDirectory;
    this.report = report;
  }

  /** The text of each {@code file} of {@code app} that was read, by the config's path (first entry of a path wins). */
  Map<String, String> read(Decl app) {
    Map<String, String> texts = new LinkedHashMap<>();
    long total = 0;
    for (AppConfig config : App.of(model, app).configs()) {
      if (config.path() == null) {
        continue;
      }
      if (config.text() != null) {
        total += config.text().value().getBytes(StandardCharsets.UTF_8).length;
      }
      if (config.file() == null || config.text() != null || texts.containsKey(config.path().value())) {
        continue;
      }
      String text = file(app, config);
      if (text != null) {
        texts.put(config.path().value(), text);
        total += text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (total > MAX_CONFIG_MAP_BYTES) {
      AppConfig first = App.of(model, app).configs().get(0);
      report.accept(Diagnostic.error(Code.INVALID_VALUE, first.span(), "the configuration files of " + app.label()
              + " hold " + total + " bytes, more than the 1 MiB a ConfigMap may hold")
          .withHint("mount large files from a volume instead of `config`"));
    }
    return texts;
  }

  private String file(Decl app, AppConfig config) {
    Path shown;
    try {
      Path declaringDir = Path.of(config.file().span().file().path()).getParent();
      String written = config.file().value();
      shown = (declaringDir == null ? Path.of(written) : declaringDir.resolve(written)).normalize();
    } catch (InvalidPathException e) {
      problem(app, config, "`" + KubernetesNames.shown(config.file().value()) + "` is not a valid path: " + e.getReason());
      return null;
    }
    BoundedFile.Read read = BoundedFile.read(workingDirectory.resolve(shown));
    if (!read.ok()) {
      problem(app, config, shown + " " + read.problem().replace("not YAML text", "not text"));
      return null;
    }
    return read.content().text();
  }

  private void problem(Decl app, AppConfig config, String problem) {
    report.accept(Diagnostic.error(Code.INVALID_VALUE, config.file().span(), "config of " + app.label() + ": " + problem)
        .withHint("a `config … file` path is relative to the directory of the file that declares it"));
  }
}
