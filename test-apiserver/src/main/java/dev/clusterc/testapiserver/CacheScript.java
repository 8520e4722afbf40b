package dev.clusterc.testapiserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of this module's cache-filling shell scripts ({@code build.sh}, {@code kwok.sh},
 * {@code crds.sh}), whose contract is: progress on stderr, the absolute cache directory as the
 * last stdout line.
 *
 * <p>All three need Go, so a Go installed in the usual places but left off {@code PATH} is put
 * on it; a missing Go fails at once with a message saying so. A failure carries the tail of the
 * script's stderr, which is also streamed to this JVM's stderr while the script runs.
 */
final class CacheScript {

  private static final int STDERR_TAIL_LINES = 40;
  private static final List<Path> GO_FALLBACKS = List.of(Path.of("/usr/local/go/bin/go"));

  private CacheScript() {}

  /** Runs {@code script} with extra environment variables and returns the directory it printed. */
  static Path run(Path script, Map<String, String> extraEnv, long timeoutMinutes) {
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("script not found: " + script);
    }
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
        .directory(script.getParent().toFile());
    builder.environment().putAll(extraEnv);
    putGoOnPath(builder.environment(), GO_FALLBACKS);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
    }
    Deque<String> stderrTail = new ArrayDeque<>();
    Thread stderrPump = new Thread(() -> pumpStderr(process.getErrorStream(), stderrTail),
        script.getFileName() + " stderr");
    stderrPump.setDaemon(true);
    stderrPump.start();
    List<String> stdout = new ArrayList<>();
    Thread stdoutPump = new Thread(() -> readLines(process.getInputStream(), stdout),
        script.getFileName() + " stdout");
    stdoutPump.setDaemon(true);
    stdoutPump.start();
    int exit;
    try {
      if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(script + " did not finish in " + timeoutMinutes
            + " minutes" + tail(stderrTail));
      }
      exit = process.exitValue();
      stdoutPump.join(TimeUnit.SECONDS.toMillis(10));
      stderrPump.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + script, e);
    }
    if (exit != 0) {
      throw new IllegalStateException(script + " failed with exit code " + exit + tail(stderrTail));
    }
    String last;
    synchronized (stdout) {
      last = stdout.stream().filter(line -> !line.isBlank()).reduce((a, b) -> b).orElse("");
    }
    Path dir = Path.of(last.trim());
    if (last.isBlank() || !dir.isAbsolute() || !Files.isDirectory(dir)) {
      throw new IllegalStateException(script + " succeeded but its last stdout line is not a "
          + "directory: '" + last + "'" + tail(stderrTail));
    }
    return dir;
  }

  /**
   * Fails with a clear message when Go is missing, and finds a Go installed in the usual places
   * but left off {@code PATH}.
   */
  static void putGoOnPath(Map<String, String> env, List<Path> fallbacks) {
    String path = env.getOrDefault("PATH", "");
    if (findOnPath("go", path).isPresent()) {
      return;
    }
    List<Path> candidates = new ArrayList<>();
    String goroot = env.get("GOROOT");
    if (goroot != null && !goroot.isBlank()) {
      candidates.add(Path.of(goroot, "bin", "go"));
    }
    candidates.addAll(fallbacks);
    for (Path go : candidates) {
      if (Files.isExecutable(go)) {
        env.put("PATH", go.getParent() + (path.isEmpty() ? "" : ":" + path));
        return;
      }
    }
    throw new IllegalStateException("Go is not installed (no 'go' on PATH, in $GOROOT/bin or "
        + "/usr/local/go/bin). The test API server builds etcd and kube-apiserver from Go modules "
        + "with test-apiserver/build.sh, which needs Go at least as new as the 'go' line of "
        + "test-apiserver/go.mod (1.26.0) and the Go module proxy; test-apiserver/kwok.sh builds "
        + "kwok and test-apiserver/crds.sh fetches the upstream CRDs the same way. Install Go and "
        + "run the tests again.");
  }

  static Optional<Path> findOnPath(String name, String path) {
    for (String entry : path.split(":")) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  private static void pumpStderr(InputStream stream, Deque<String> tail) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        System.err.println(line);
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > STDERR_TAIL_LINES) {
            tail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process is gone; what was read is kept
    }
  }

  private static String tail(Deque<String> tail) {
    synchronized (tail) {
      return tail.isEmpty() ? " (no stderr)" : "; stderr:\n  " + String.join("\n  ", tail);
    }
  }

  private static void readLines(InputStream stream, List<String> lines) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      // the process is gone; what was read is kept
    }
  }
}
