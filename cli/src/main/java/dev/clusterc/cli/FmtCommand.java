package dev.clusterc.cli;

import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.HumanRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterc fmt PATH…}: rewrites {@code .cluster} files in the canonical layout, or with
 * {@code --check} lists the files that are not. A file with syntax errors is never touched.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Format .cluster files in place, and print the path of each file rewritten.",
    footer = {"", "Exit status: 0 done (or, with --check, nothing to reformat), 1 files with syntax errors"
        + " or, with --check, files to reformat, 2 usage or I/O failure."})
public final class FmtCommand extends Subcommand {
  static final String STDIN = "<stdin>";

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "A .cluster file, a directory (every .cluster file below it, except in target/, .git/"
          + " and node_modules/), or - to format standard input to standard output.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--check",
      description = "Write nothing; print each file that would change and exit 1 if there is any.")
  boolean check;

  @Mixin
  ColorOption color = new ColorOption();

  private final List<Failure> failures = new ArrayList<>();
  private boolean syntaxErrors;
  private boolean changes;

  @Override
  int run() throws IOException {
    boolean stdin = false;
    Set<Path> files = new LinkedHashSet<>();
    for (Path path : paths) {
      if (path.toString().equals("-")) {
        stdin = true;
      } else {
        collect(path, files);
      }
    }
    if (!failures.isEmpty()) {
      failures.forEach(f -> f.print(err()));
      return ExitCode.FAILURE;
    }
    if (stdin) {
      formatStdin();
    }
    for (Path file : files) {
      formatFile(file);
    }
    failures.forEach(f -> f.print(err()));
    if (!failures.isEmpty()) {
      return ExitCode.FAILURE;
    }
    return syntaxErrors || (check && changes) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private void collect(Path path, Set<Path> files) throws IOException {
    String shown = path.toString();
    if (!Files.exists(path)) {
      failures.add(Failure.of(shown, "no such file or directory"));
    } else if (Files.isDirectory(path)) {
      int failuresBefore = failures.size();
      List<Path> found = SourceTree.clusterFiles(path, cwd, failures);
      if (found.isEmpty() && failures.size() == failuresBefore) {
        failures.add(new Failure(shown, "no .cluster files in " + shown,
            "fmt looks in every subdirectory except target/, .git/ and node_modules/"));
      }
      found.forEach(files::add);
    } else if (!Files.isRegularFile(path)) {
      failures.add(new Failure(shown, "not a regular file or directory", null));
    } else if (!path.getFileName().toString().endsWith(".cluster")) {
      failures.add(new Failure(shown, "not a .cluster file", "fmt formats .cluster files, directories of them, or - for standard input"));
    } else {
      files.add(path.toAbsolutePath().normalize());
    }
  }

  private void formatFile(Path file) {
    String shown = cwd.display(file);
    try {
      byte[] original;
      Documents.Read read;
      if (Files.size(file) > Documents.MAX_BYTES) {
        original = null;
        read = Documents.read(file, shown); // refuses it, with the compiler's wording
      } else {
        original = Files.readAllBytes(file);
        read = Documents.decode(original, shown);
      }
      byte[] formatted = format(read);
      if (formatted == null || Arrays.equals(formatted, original)) {
        return;
      }
      changes = true;
      if (!check) {
        AtomicFile.replace(file, original, formatted);
      }
      out().println(shown);
    } catch (IOException e) {
      failures.add(Failure.of(shown, e));
    }
  }

  private void formatStdin() {
    byte[] original;
    try {
      original = terminal().stdin().readNBytes((int) Documents.MAX_BYTES + 1);
    } catch (IOException e) {
      failures.add(Failure.of(STDIN, e));
      return;
    }
    if (original.length > Documents.MAX_BYTES) {
      failures.add(Failure.of(STDIN, "more than " + Documents.MAX_BYTES / (1024 * 1024) + " MiB, too large to be a cluster source"));
      return;
    }
    byte[] formatted = format(Documents.decode(original, STDIN));
    if (formatted == null) {
      return;
    }
    boolean changed = !Arrays.equals(formatted, original);
    changes |= changed;
    if (!check) {
      out().print(new String(formatted, StandardCharsets.UTF_8));
    } else if (changed) {
      out().println(STDIN);
    }
  }

  /** The formatted bytes, or {@code null} when the source has errors (which are printed). */
  private byte[] format(Documents.Read read) {
    Documents.Formatted formatted = Documents.format(read);
    if (formatted.text().isEmpty()) {
      report(formatted.diagnostics());
      return null;
    }
    return formatted.text().get().getBytes(StandardCharsets.UTF_8);
  }

  private void report(List<Diagnostic> diagnostics) {
    syntaxErrors = true;
    out().flush();
    err().print(new HumanRenderer(color.enabled(terminal())).render(diagnostics));
    err().flush();
  }
}
