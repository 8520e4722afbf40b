package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppConfig;
import dev.clusterc.compiler.model.AppMount;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The rules of an app's {@code config} entries, each a file mounted on its own into the container
 * (a {@code subPath} mount of one ConfigMap key):
 *
 * <ul>
 *   <li>the entry says where its content comes from exactly once, {@code file FILE} or
 *       {@code text TEXT} ({@code invalid-value});</li>
 *   <li>the path is absolute, names a file (no trailing {@code /}, no {@code .} or {@code ..}
 *       part) and ends in a name Kubernetes accepts as a ConfigMap key ({@code invalid-value});</li>
 *   <li>two configs at one path, or a config at the path of a {@code mount}, or a {@code mount}
 *       inside a config's path (a file cannot hold a directory) are {@code mount-conflict}: the
 *       kubelet refuses a pod with two mounts at one path, and the pod would never start.</li>
 * </ul>
 *
 * A config inside a mounted volume's directory is fine: the kubelet mounts the single file over it.
 */
public final class ConfigChecker implements Checker {
  /** A ConfigMap key: letters, digits, {@code -}, {@code _} and {@code .}, at most 253 characters. */
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.APP, reportAll, (decl, exempt, report) -> {
      App app = App.of(program.model(), decl);
      Map<String, AppConfig> seen = new HashMap<>();
      for (AppConfig config : app.configs()) {
        source(decl, config, report);
        if (config.path() == null || !path(decl, config, report)) {
          continue;
        }
        AppConfig first = seen.putIfAbsent(config.path().value(), config);
        if (first != null) {
          report.accept(Diagnostic.error(Code.MOUNT_CONFLICT, config.path().span(), decl.label() + " has two configs at `"
                  + config.path().value() + "`")
              .withHint("give each config its own path, or remove one")
              .withRelated(first.path().span(), "the first config at this path"));
          continue;
        }
        mounts(decl, app, config, report);
      }
    });
  }

  private static void source(Decl decl, AppConfig config, Consumer<Diagnostic> report) {
    if (config.sourced()) {
      return;
    }
    String shown = config.path() == null ? "" : " `" + config.path().value() + "`";
    String message = config.file() == null
        ? "config" + shown + " of " + decl.label() + " says neither where its file is nor what it holds"
        : "config" + shown + " of " + decl.label() + " has both `file` and `text`";
    report.accept(Diagnostic.error(Code.INVALID_VALUE, config.span(), message)
        .withHint("write `config \"/etc/app/app.conf\" file \"files/app.conf\"` or `config \"/etc/app/app.conf\" text \"\"\"…\"\"\"`"));
  }

  /** Whether the path is one a file can be mounted at; reports why not. */
  private static boolean path(Decl decl, AppConfig config, Consumer<Diagnostic> report) {
    String path = config.path().value();
    String problem = null;
    String hint = "a config's path is the absolute path of a file in the container, such as `/etc/app/app.conf`";
    if (!path.startsWith("/")) {
      problem = "is not absolute";
      hint = "write `/" + path + "` if that is meant: a path inside the container starts at `/`";
    } else if (path.endsWith("/")) {
      problem = "names a directory, not a file";
      hint = "add the file name: `" + path + "app.conf`";
    } else if (("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./") || path.contains("//")) {
      problem = "has an empty, `.` or `..` part";
    } else if (!KEY.matcher(config.fileName()).matches()) {
      problem = "ends in `" + config.fileName() + "`, which is not a ConfigMap key";
      hint = "a file name of a config is at most 253 letters, digits, `-`, `_` and `.`";
    }
    if (problem != null) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, config.path().span(), "config path `" + path + "` of "
          + decl.label() + " " + problem).withHint(hint));
    }
    return problem == null;
  }

  private static void mounts(Decl decl, App app, AppConfig config, Consumer<Diagnostic> report) {
    String path = config.path().value();
    for (AppMount mount : app.mounts()) {
      if (mount.path() == null || mount.target() == null) {
        continue;
      }
      String mounted = mount.path().endsWith("/") && mount.path().length() > 1
          ? mount.path().substring(0, mount.path().length() - 1) : mount.path();
      String what = mounted.equals(path) ? "is also where volume `" + mount.target().name() + "` is mounted"
          : mounted.startsWith(path + "/") ? "is a file, but volume `" + mount.target().name() + "` is mounted inside it at `"
              + mounted + "`" : null;
      if (what != null) {
        report.accept(Diagnostic.error(Code.MOUNT_CONFLICT, config.path().span(), "config path `" + path + "` of "
                + decl.label() + " " + what)
            .withHint("mount the volume elsewhere, or put the config inside the volume's directory")
            .withRelated(mount.span(), "the mount of `" + mount.target().name() + "`"));
      }
    }
  }
}
