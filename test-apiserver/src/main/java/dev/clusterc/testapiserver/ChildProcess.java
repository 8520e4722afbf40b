package dev.clusterc.testapiserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One program of a {@link TestCluster}, started directly (no shell between, so {@link #pid()} is
 * the program's own) with stdout and stderr appended to a log file.
 */
final class ChildProcess {

  private static final int TAIL_LINES = 30;

  private final String name;
  private final Path log;
  private final Process process;

  private ChildProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code command}; the log gets a header line, then the program's output. */
  static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "# " + Instant.now() + " " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      return new ChildProcess(name, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** SIGTERM, then SIGKILL if the program is still there after {@code grace}; waits for the end. */
  void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(grace)) {
      kill();
    }
  }

  /** SIGKILL, as a crash would end it; waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    if (!waitFor(Duration.ofSeconds(30))) {
      throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL");
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** The end of the log, for a failure message that says what the program said. */
  String describeFailure() {
    String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
    StringBuilder text = new StringBuilder(name + " (pid " + pid() + ", " + state + "), log "
        + log.toAbsolutePath() + ":");
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
        text.append("\n  ").append(line);
      }
    } catch (IOException e) {
      text.append(" (unreadable: ").append(e.getMessage()).append(')');
    }
    return text.toString();
  }
}
