package dev.clusterc.compiler.files;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Secret;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the file of a {@code secret … env-file PATH}: one {@code KEY=VALUE} per line, as
 * {@code kubectl create secret --from-env-file} and Docker read them. Blank lines and lines whose
 * first non-blank character is {@code #} are skipped; an {@code export } before the key is allowed;
 * a value wholly in double or single quotes loses them (nothing else is unescaped). {@code PATH} is
 * relative to the directory of the file declaring the secret, like {@code sops} files.
 *
 * <p>Every problem is {@code invalid-value} at the entry and names the line and key, <b>never a
 * value</b>: this file holds secrets in plain text, and diagnostics end up in terminals, CI logs
 * and editors. A file with a problem yields nothing.
 */
final class EnvFileReader {
  /** What a Secret accepts as a data key. */
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final int MAX_KEY = 253;

  private final ClusterModel program;
  private final Path workingDirectory;
  private final Consumer<Diagnostic> report;

  EnvFileReader(ClusterModel program, Path workingDirectory, Consumer<Diagnostic> report) {
    this.program = program;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.report = report;
  }

  /** The file's keys and values in file order, or {@code null} after reporting why it cannot be used. */
  PlainSecret read(Decl secret, Secret.EnvFile entry) {
    if (entry.path() == null) {
      return null;
    }
    String written = entry.path();
    Path path;
    try {
      path = DeclaredPath.resolve(workingDirectory, secret.source().span().file().path(), written);
    } catch (InvalidPathException e) {
      report.accept(problem(secret, entry, "`" + KubernetesNames.shown(written) + "` is not a valid path: " + e.getReason()));
      return null;
    }
    BoundedFile.Read read = written.isEmpty() ? new BoundedFile.Read(null, "does not exist") : BoundedFile.read(path);
    if (!read.ok()) {
      report.accept(problem(secret, entry, "file `" + KubernetesNames.shown(written) + "` " + read.problem())
          .withHint("the path is relative to the directory of " + secret.source().span().file().path()
              + "; the file holds `KEY=VALUE` lines"));
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    String[] lines = read.content().text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).stripLeading();
      }
      int equals = line.indexOf('=');
      String where = "line " + (i + 1) + " of `" + KubernetesNames.shown(written) + "`";
      if (equals <= 0) {
        problems.add(problem(secret, entry, where + " is not `KEY=VALUE`")
            .withHint("write one `KEY=VALUE` per line; `#` starts a comment line"));
        continue;
      }
      String key = line.substring(0, equals).strip();
      if (key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
        problems.add(problem(secret, entry, where + ": `" + KubernetesNames.shown(key) + "` is not a Secret key")
            .withHint("a key is letters, digits, `-`, `_` and `.`, at most " + MAX_KEY + " characters"));
        continue;
      }
      if (values.containsKey(key)) {
        problems.add(problem(secret, entry, where + " sets `" + key + "` a second time")
            .withHint("keep one line per key"));
        continue;
      }
      values.put(key, unquoted(line.substring(equals + 1).strip()));
    }
    for (String key : Secret.of(program, secret).keys()) {
      if (!values.containsKey(key) && problems.isEmpty()) {
        problems.add(problem(secret, entry, "file `" + KubernetesNames.shown(written) + "` has no key `" + key + "`")
            .withHint(values.isEmpty() ? "the file sets no key" : "it sets " + String.join(", ", values.keySet())));
      }
    }
    problems.forEach(report);
    return problems.isEmpty() ? new PlainSecret(path, values) : null;
  }

  private static String unquoted(String value) {
    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static Diagnostic problem(Decl secret, Secret.EnvFile entry, String message) {
    return Diagnostic.error(Code.INVALID_VALUE, entry.entry(), "secret `" + secret.name() + "`: " + message);
  }
}
