package dev.clusterc.cli;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.HumanRenderer;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --warnings-as-errors} and {@code --quiet}, shared by {@code check} and {@code compile} so both
 * decide alike what fails and what is printed. The one rule: quiet hides what does not fail the
 * command, so errors (and, with {@code --warnings-as-errors}, warnings) always print.
 */
public final class ReportOptions {
  @Option(names = {"-W", "--warnings-as-errors"},
      description = "Fail (exit 1) on warnings as on errors; compile then writes nothing.")
  boolean warningsAsErrors;

  @Option(names = {"-q", "--quiet"},
      description = "Print only what fails the command: no warnings (unless they are errors), no summary line.")
  boolean quiet;

  /** Whether these diagnostics fail the command: an error, or a warning under {@code --warnings-as-errors}. */
  boolean fails(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.isError() || warningsAsErrors);
  }

  /** 1 when {@link #fails}, else 0. */
  int exitCode(List<Diagnostic> diagnostics) {
    return fails(diagnostics) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /** The diagnostics to print: all of them, or under {@code --quiet} those that fail the command. */
  List<Diagnostic> shown(List<Diagnostic> diagnostics) {
    if (!quiet || warningsAsErrors) {
      return diagnostics;
    }
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /**
   * Prints the human form of what is {@link #shown} to {@code to}, then the summary line to
   * {@code summaryTo} unless quiet; the summary counts every diagnostic, shown or not.
   */
  void printHuman(List<Diagnostic> diagnostics, HumanRenderer renderer, PrintWriter to, PrintWriter summaryTo) {
    to.print(renderer.render(shown(diagnostics)));
    String summary = HumanRenderer.summary(diagnostics);
    if (summary == null || quiet) {
      return;
    }
    boolean failingWarnings = warningsAsErrors && diagnostics.stream().anyMatch(d -> !d.isError());
    to.flush();
    summaryTo.println(summary + (failingWarnings ? " (warnings are errors here: --warnings-as-errors)" : ""));
  }
}
