package dev.clusterc.cli;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.HumanRenderer;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterc check PATH…}: reports every problem of one or more clusters, sorted and without
 * duplicates. Exit 0 without errors (warnings allowed), 1 with errors, 2 when a PATH is unusable.
 * {@code -} checks a cluster read from standard input, printed as {@code <stdin>}.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Check clusters and report every problem at once.",
    footer = {"", "Exit status: 0 no errors (warnings allowed, unless --warnings-as-errors), 1 errors"
        + " (or warnings, with --warnings-as-errors), 2 usage or I/O failure (under --format json, the"
        + " failure is the JSON's \"failures\")."})
public final class CheckCommand extends Subcommand {
  /** Spelled in lower case because that is how they are typed. */
  enum Format { text, json }

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "A cluster: a directory of .cluster files or a single .cluster file; - reads one file from standard input.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Mixin
  ReportOptions report = new ReportOptions();

  @Mixin
  ColorOption color = new ColorOption();

  @Override
  int run() throws IOException {
    List<Failure> failures = new ArrayList<>();
    Set<Path> roots = new LinkedHashSet<>();
    StdinSource.Read stdinRead = null;
    List<Diagnostic> all = new ArrayList<>();
    boolean stdin = false;
    for (Path path : paths) {
      if (path.toString().equals(StdinSource.NAME_ON_COMMAND_LINE)) {
        stdin = true;
        continue;
      }
      Failure problem;
      try {
        problem = ClusterRoots.problem(path, cwd);
      } catch (IOException e) {
        problem = failure(path, e);
      }
      if (problem != null) {
        failures.add(problem);
      } else {
        roots.add(path.toAbsolutePath().normalize());
      }
    }
    if (failures.isEmpty() && stdin) {
      stdinRead = StdinSource.read(terminal());
      if (stdinRead.failure() != null) {
        failures.add(stdinRead.failure());
      } else if (stdinRead.problem() != null) {
        all.add(stdinRead.problem());
      } else {
        roots.add(stdinRead.path());
      }
    }
    if (failures.isEmpty()) {
      for (Path root : roots) {
        ClusterCompiler compiler = ClusterCompiler.open(root);
        if (stdinRead != null && root.equals(stdinRead.path())) {
          compiler.overlay(root, stdinRead.text());
        }
        Analysis analysis = compiler.analyse();
        all.addAll(analysis.diagnostics());
        all.addAll(analysis.compileRefusals());
      }
    }
    if (!failures.isEmpty()) {
      if (format == Format.json) {
        out().print(JsonReport.render(List.of(), failures));
      } else {
        failures.forEach(f -> f.print(err()));
      }
      return ExitCode.FAILURE;
    }
    List<Diagnostic> diagnostics = sortedUnique(all);
    if (format == Format.json) {
      out().print(JsonReport.render(report.shown(diagnostics), List.of()));
    } else {
      report.printHuman(diagnostics, new HumanRenderer(color.enabled(terminal())), out(), err());
    }
    return report.exitCode(diagnostics);
  }

  private Failure failure(Path root, IOException e) {
    Path file = e instanceof FileSystemException && ((FileSystemException) e).getFile() != null
        ? Path.of(((FileSystemException) e).getFile()) : root;
    return Failure.of(cwd.display(file), e);
  }

  /**
   * Sorted by {@link Diagnostic#ORDER}, each problem once. Two checks of one file (a PATH given
   * twice, a file inside a directory also given) make equal diagnostics over different
   * {@code SourceFile} objects, which records do not see as equal; so they are compared by content.
   */
  static List<Diagnostic> sortedUnique(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    Map<Key, Diagnostic> unique = new LinkedHashMap<>();
    for (Diagnostic d : sorted) {
      unique.putIfAbsent(Key.of(d), d);
    }
    return new ArrayList<>(unique.values());
  }

  /** A diagnostic's content, with its file by name. */
  private record Key(String file, int start, int end, String severity, String code, String message, String hint,
      List<String> related) {
    static Key of(Diagnostic d) {
      List<String> related = d.related().stream()
          .map(r -> r.span().file().path() + ":" + r.span().start() + ":" + r.span().end() + ":" + r.message())
          .toList();
      return new Key(d.span().file().path(), d.span().start(), d.span().end(), d.severity().label(), d.code().id(),
          d.message(), d.hint(), related);
    }
  }
}
