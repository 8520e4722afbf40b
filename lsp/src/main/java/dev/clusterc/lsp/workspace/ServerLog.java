package dev.clusterc.lsp.workspace;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * The server's log: one line per event on standard error (which editors show in their output
 * panel), never on standard output, which carries only protocol frames. A crash is logged with its
 * stack trace, since it is a bug to report.
 */
public final class ServerLog {
  private final PrintStream err;

  public ServerLog(PrintStream err) {
    this.err = err;
  }

  public void info(String message) {
    line("info", message);
  }

  public void warn(String message) {
    line("warn", message);
  }

  /** A failure of the server's own code: the message, then the stack trace. */
  public void crash(String what, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    line("error", what + ": " + failure + System.lineSeparator() + trace.toString().stripTrailing());
  }

  private synchronized void line(String level, String message) {
    err.println(Instant.now() + " clusterc lsp " + level + ": " + message);
    err.flush();
  }
}
