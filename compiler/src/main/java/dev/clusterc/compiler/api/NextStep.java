package dev.clusterc.compiler.api;

import java.util.List;

/**
 * Something a user still does by hand before a compiled tree runs a cluster, because it needs a
 * credential or a machine the compiler never sees: installing Flux, handing it the age key and the
 * Git credentials, patching Talos nodes.
 *
 * @param what one sentence saying what to do and why
 * @param commands the commands that do it, run from the root of the Git repository
 */
public record NextStep(String what, List<String> commands) {
  public NextStep {
    commands = List.copyOf(commands);
  }

  /**
   * The steps as a numbered list for a terminal: each {@code what} after its number, each command
   * on its own indented line below it; empty when there are no steps.
   */
  public static String render(List<NextStep> steps) {
    if (steps.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("next steps (by hand, from the root of the repository):\n");
    int number = 1;
    for (NextStep step : steps) {
      out.append("  ").append(number++).append(". ").append(step.what()).append('\n');
      step.commands().forEach(command -> out.append("       ").append(command).append('\n'));
    }
    return out.toString();
  }
}
