package dev.clusterc.testapiserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    Path dir = CacheScript.run(script, Map.of(), BUILD_TIMEOUT_MINUTES);
    for (String binary : List.of("etcd", "kube-apiserver")) {
      if (!Files.isExecutable(dir.resolve(binary))) {
        throw new IllegalStateException("no executable " + binary + " in " + dir);
      }
    }
    Map<String, String> versions = readVersions(dir.resolve("versions.env"));
    return new ApiServerBinaries(dir, versions.getOrDefault("KUBERNETES_VERSION", ""),
        versions.getOrDefault("ETCD_VERSION", ""));
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
    return CacheScript.findOnPath("kubectl", System.getenv().getOrDefault("PATH", ""))
        .orElseThrow(() -> new IllegalStateException("kubectl not found on PATH. kube-api-test "
            + "runs 'kubectl get ns default' to tell that the API server is ready; install "
            + "kubectl (any recent version) or set -D" + KUBECTL_PROPERTY + "=/path/to/kubectl"));
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
