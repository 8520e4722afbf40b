package dev.clusterc.testapiserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The etcd and kube-apiserver binaries built by {@code test-apiserver/build.sh}, plus the kubectl
 * that kube-api-test needs for its readiness check.
 *
 * <p>The script runs once per JVM (its result, or its failure, is remembered): a warm run only
 * prints the cache directory, a cold one builds for minutes, streaming its progress to stderr.
 */
public final class ApiServerBinaries {

  /** System property naming the kubectl to use; default: {@code kubectl} on {@code PATH}. */
  public static final String KUBECTL_PROPERTY = "clusterc.kubectl";

  private static final long BUILD_TIMEOUT_MINUTES = 30;
  private static final int STDERR_TAIL_LINES = 40;
  private static final List<Path> GO_FALLBACKS = List.of(Path.of("/usr/local/go/bin/go"));
  private static final Map<Path, Object> BUILT = new HashMap<>();

  private final Path directory;
  private final String kubernetesVersion;
  private final String etcdVersion;

  private ApiServerBinaries(Path directory, String kubernetesVersion, String etcdVersion) {
    this.directory = directory;
    this.kubernetesVersion = kubernetesVersion;
    this.etcdVersion = etcdVersion;
  }

  /** Runs {@code <repo>/test-apiserver/build.sh} once per JVM and returns its binaries. */
  public static ApiServerBinaries forThisJvm() {
    return buildOnce(RepoPaths.buildScript());
  }

  static ApiServerBinaries buildOnce(Path script) {
    Path key = script.toAbsolutePath().normalize();
    synchronized (BUILT) {
      Object known = BUILT.get(key);
      if (known instanceof ApiServerBinaries binaries) {
        return binaries;
      }
      if (known instanceof IllegalStateException failure) {
        throw new IllegalStateException("an earlier run of " + key + " failed in this JVM: "
            + failure.getMessage(), failure);
      }
      try {
        ApiServerBinaries binaries = build(key);
        BUILT.put(key, binaries);
        return binaries;
      } catch (IllegalStateException e) {
        BUILT.put(key, e);
        throw e;
      }
    }
  }

  /** Runs the script; its last stdout line names the binary directory. */
  static ApiServerBinaries build(Path script) {
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("build script not found: " + script);
    }
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
        .directory(script.getParent().toFile());
    putGoOnPath(builder.environment(), GO_FALLBACKS);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
    }
    Deque<String> stderrTail = new ArrayDeque<>();
    Thread stderrPump = new Thread(() -> pumpStderr(process.getErrorStream(), stderrTail),
        "build.sh stderr");
    stderrPump.setDaemon(true);
    stderrPump.start();
    List<String> stdout = new ArrayList<>();
    Thread stdoutPump = new Thread(() -> readLines(process.getInputStream(), stdout),
        "build.sh stdout");
    stdoutPump.setDaemon(true);
    stdoutPump.start();
    int exit;
    try {
      if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(script + " did not finish in " + BUILD_TIMEOUT_MINUTES
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
    for (String binary : List.of("etcd", "kube-apiserver")) {
      if (!Files.isExecutable(dir.resolve(binary))) {
        throw new IllegalStateException("no executable " + binary + " in " + dir);
      }
    }
    Map<String, String> versions = readVersions(dir.resolve("versions.env"));
    return new ApiServerBinaries(dir, versions.getOrDefault("KUBERNETES_VERSION", ""),
        versions.getOrDefault("ETCD_VERSION", ""));
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
        + "test-apiserver/go.mod (1.26.0) and the Go module proxy. Install Go and run the tests again.");
  }

  /** kubectl: {@code -Dclusterc.kubectl}, else the first {@code kubectl} on {@code PATH}. */
  static Path kubectl() {
    String property = System.getProperty(KUBECTL_PROPERTY);
    if (property != null && !property.isBlank()) {
      Path kubectl = Path.of(property).toAbsolutePath();
      if (!Files.isExecutable(kubectl)) {
        throw new IllegalStateException("-D" + KUBECTL_PROPERTY + "=" + property
            + " is not an executable file");
      }
      return kubectl;
    }
    return findOnPath("kubectl", System.getenv().getOrDefault("PATH", ""))
        .orElseThrow(() -> new IllegalStateException("kubectl not found on PATH. kube-api-test "
            + "runs 'kubectl get ns default' to tell that the API server is ready; install "
            + "kubectl (any recent version) or set -D" + KUBECTL_PROPERTY + "=/path/to/kubectl"));
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

  private static Map<String, String> readVersions(Path file) {
    Map<String, String> versions = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return versions;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          versions.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions;
  }

  /** The directory holding {@code etcd}, {@code kube-apiserver} and {@code versions.env}. */
  public Path directory() {
    return directory;
  }

  public Path etcd() {
    return directory.resolve("etcd");
  }

  public Path kubeApiServer() {
    return directory.resolve("kube-apiserver");
  }

  /** For example {@code v1.37.2}; empty when versions.env is missing. */
  public String kubernetesVersion() {
    return kubernetesVersion;
  }

  /** For example {@code v3.7.3}; empty when versions.env is missing. */
  public String etcdVersion() {
    return etcdVersion;
  }
}
