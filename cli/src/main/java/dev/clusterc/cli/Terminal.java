package dev.clusterc.cli;

import java.io.InputStream;
import java.util.Map;

/**
 * What the commands learn from the process around them: standard input, whether standard output is
 * a terminal, and the environment. A value rather than static calls, so tests can pretend.
 */
public record Terminal(InputStream stdin, boolean stdoutIsTerminal, Map<String, String> env) {
  public Terminal {
    env = Map.copyOf(env);
  }

  /** The real process. */
  public static Terminal system() {
    return new Terminal(System.in, System.console() != null, System.getenv());
  }

  /** Not a terminal, no environment: what tests and pipes see. */
  public static Terminal plain(InputStream stdin) {
    return new Terminal(stdin, false, Map.of());
  }

  /** Colour by default only on a terminal, and never when {@code NO_COLOR} is set to anything (no-color.org). */
  public boolean colorByDefault() {
    String noColor = env.get("NO_COLOR");
    return stdoutIsTerminal && (noColor == null || noColor.isEmpty());
  }
}
