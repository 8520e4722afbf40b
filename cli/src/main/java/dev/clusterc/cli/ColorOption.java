package dev.clusterc.cli;

import picocli.CommandLine.Option;

/** The {@code --color} option shared by the commands that print diagnostics. */
public final class ColorOption {
  /** Spelled in lower case because that is how they are typed. */
  enum When { auto, always, never }

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour diagnostics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto means "
          + "on a terminal and NO_COLOR unset).")
  When when = When.auto;

  boolean enabled(Terminal terminal) {
    return switch (when) {
      case always -> true;
      case never -> false;
      case auto -> terminal.colorByDefault();
    };
  }
}
