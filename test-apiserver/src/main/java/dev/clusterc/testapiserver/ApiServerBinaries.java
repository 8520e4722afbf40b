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
 * The etcd, kube-apiserver, kube-controller-manager and kube-scheduler binaries built by
 * {@code test-apiserver/build.sh}, plus the kubectl that kube-api-test needs for its readiness
 * check.
 *
 * <p>The script runs once per JVM (its result, or its failure, is remembered): a warm run only
 * prints the cache directory, a cold one builds for minutes, streaming its progress to stderr.
 */
public final class ApiServerBinaries {

  /** System property naming the kubectl to use; default: {@code kubectl} on {@code PATH}. */
  public static final String KUBECTL_PROPERTY = "clusterc.kubectl";

  private static final long BUILD_TIMEOUT_MINUTES = 30;
  private static final List<String> PROGRAMS =
      List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler");
  private static final OncePerJvm<ApiServerBinaries> BUILT = new OncePerJvm<>();

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
    return BUILT.get(script, ApiServerBinaries::build);
  }

  /** Runs the script; its last stdout line names the binary directory. */
  static ApiServerBinaries build(Path script) {
    Path dir = CacheScript.run(script, Map.of(), BUILD_TIMEOUT_MINUTES);
    for (String binary : PROGRAMS) {
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

  /** The {@code KEY=value} lines of a {@code versions.env}; empty when the file is missing. */
  static Map<String, String> readVersions(Path file) {
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

  /** The directory holding the four programs and {@code versions.env}. */
  public Path directory() {
    return directory;
  }

  public Path etcd() {
    return directory.resolve("etcd");
  }

  public Path kubeApiServer() {
    return directory.resolve("kube-apiserver");
  }

  public Path kubeControllerManager() {
    return directory.resolve("kube-controller-manager");
  }

  public Path kubeScheduler() {
    return directory.resolve("kube-scheduler");
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
