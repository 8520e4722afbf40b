package dev.clusterc.testapiserver;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfig;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.Utils;
import io.fabric8.kubeapitest.binary.OSInfo;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real etcd + kube-apiserver on 127.0.0.1 with every upstream CRD installed, for tests that send
 * objects to a cluster. One instance per test class (see {@link WithTestApiServer}); instances are
 * independent (own ports, certificates and etcd data) and may follow each other in one JVM.
 *
 * <p>Processes are run by fabric8's kube-api-test, pointed at our own binaries: {@link #start()}
 * lays out {@code <tmp>/k8s/<version>-<os>-<arch>/{etcd,kube-apiserver,kubectl}} (kubectl a
 * symlink, the other two small wrappers that fix two of kube-api-test's arguments), runs kube-api-test offline
 * with that version, then installs the CRDs. kube-api-test stops the processes with SIGKILL; the
 * data is thrown away anyway.
 *
 * <pre>{@code
 * try (TestApiServer server = new TestApiServer()) {
 *   KubernetesClient client = server.start();
 *   ServerSideApply.apply(client, namespace, false);
 * }
 * }</pre>
 */
public final class TestApiServer implements AutoCloseable {

  /** The Service network: clusterc's default ({@code network { services }} in the language). */
  public static final String SERVICE_CLUSTER_IP_RANGE = "10.43.0.0/16";

  private static final int STARTUP_TIMEOUT_MILLIS = 60_000;
  private static final Duration CRD_TIMEOUT = Duration.ofMinutes(2);
  private static final List<String> LOOPBACK_FLAGS = List.of(
      "--bind-address", "127.0.0.1",
      "--advertise-address", "127.0.0.1",
      // the default (lease) reconciler rejects a loopback advertise address
      "--endpoint-reconciler-type", "none");
  private static final AtomicInteger RUNNING = new AtomicInteger();

  private final boolean defaultCrds;
  private final Path crdDirectory;

  private Path workDir;
  private KubeAPIServer server;
  private KubernetesClient client;
  private Thread shutdownHook;
  private List<Path> crdFiles = List.of();
  private List<String> crdNames = List.of();
  private String kubernetesVersion = "";
  private StartupTimes startupTimes;
  private boolean started;
  private boolean counted;
  private boolean closed;

  /** A server with every CRD under {@link RepoPaths#crdDirectory()}. */
  public TestApiServer() {
    this(true, null);
  }

  /** A server with every CRD under {@code crdDirectory}. */
  public TestApiServer(Path crdDirectory) {
    this(false, crdDirectory);
  }

  private TestApiServer(boolean defaultCrds, Path crdDirectory) {
    this.defaultCrds = defaultCrds;
    this.crdDirectory = crdDirectory;
  }

  /** A bare server: built-in kinds only, a few seconds faster to start. */
  public static TestApiServer withoutCrds() {
    return new TestApiServer(false, null);
  }

  /**
   * Builds the binaries if needed (once per JVM), starts etcd and kube-apiserver, installs the CRDs
   * and waits until they are Established. On failure everything started so far is stopped.
   */
  public synchronized KubernetesClient start() {
    if (started || closed) {
      throw new IllegalStateException("a TestApiServer starts once; create a new one");
    }
    started = true;
    long begin = System.nanoTime();
    try {
      ApiServerBinaries binaries = ApiServerBinaries.forThisJvm();
      Path kubectl = ApiServerBinaries.kubectl();
      Path crdDir = defaultCrds ? RepoPaths.crdDirectory() : crdDirectory;
      crdFiles = crdDir == null ? List.of() : CrdInstaller.crdFiles(crdDir);
      kubernetesVersion = binaries.kubernetesVersion();
      long built = System.nanoTime();

      String version = kubernetesVersion.startsWith("v")
          ? kubernetesVersion.substring(1) : kubernetesVersion;
      if (version.isEmpty()) {
        throw new IllegalStateException("no KUBERNETES_VERSION in " + binaries.directory()
            + "/versions.env");
      }
      workDir = Files.createTempDirectory("clusterc-apiserver-");
      layOutBinaries(workDir, version, binaries, kubectl);
      KubeAPIServerConfig config = KubeAPIServerConfigBuilder.anAPIServerConfig()
          // every value set here, so kube-api-test's (broken) environment variables are never read
          .withTestDir(workDir.toString())
          .withOfflineMode(true)
          .withApiServerVersion(version)
          .withWaitForEtcdHealthCheckOnStartup(false)
          .withStartupTimeout(STARTUP_TIMEOUT_MILLIS)
          .withUpdateKubeConfig(false)
          .withApiServerFlags(LOOPBACK_FLAGS)
          .build();
      server = new KubeAPIServer(config);
      addShutdownHook();
      server.start();
      RUNNING.incrementAndGet();
      counted = true;
      client = new KubernetesClientBuilder().withConfig(config()).build();
      long ready = System.nanoTime();

      List<GenericKubernetesResource> crds = CrdInstaller.apply(client, crdFiles);
      long applied = System.nanoTime();
      crdNames = List.copyOf(CrdInstaller.awaitUsable(client, crds, CRD_TIMEOUT));
      long usable = System.nanoTime();
      startupTimes = new StartupTimes(Duration.ofNanos(built - begin),
          Duration.ofNanos(ready - built), Duration.ofNanos(applied - ready),
          Duration.ofNanos(usable - applied));
      System.out.println(startupTimes.describe(kubernetesVersion, client.getMasterUrl(),
          crdNames.size()));
      return client;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /**
   * kube-api-test's layout, with etcd and kube-apiserver behind small wrappers that fix two of its
   * hard-wired arguments: every {@code http://0.0.0.0:PORT} (etcd's client URLs, and the
   * apiserver's {@code --etcd-servers}) becomes {@code http://127.0.0.1:PORT}, so etcd listens on
   * loopback only; and {@code --service-cluster-ip-range} is set again after its
   * {@code 10.0.0.0/24} (the last value wins), so a Service may pin a clusterIP in clusterc's
   * default service network.
   */
  private static void layOutBinaries(Path workDir, String version, ApiServerBinaries binaries,
      Path kubectl) throws IOException {
    Path dir = workDir.resolve("k8s").resolve(version + Utils.platformSuffix(new OSInfo()));
    Files.createDirectories(dir);
    writeWrapper(dir.resolve("etcd"), binaries.etcd(), List.of());
    writeWrapper(dir.resolve("kube-apiserver"), binaries.kubeApiServer(),
        List.of("--service-cluster-ip-range", SERVICE_CLUSTER_IP_RANGE));
    Files.createSymbolicLink(dir.resolve("kubectl"), kubectl);
  }

  private static void writeWrapper(Path wrapper, Path binary, List<String> extraArgs)
      throws IOException {
    StringBuilder extra = new StringBuilder();
    for (String arg : extraArgs) {
      extra.append(' ').append(shellQuote(arg));
    }
    String script = """
        #!/bin/sh
        # written by dev.clusterc.testapiserver.TestApiServer
        for arg do
          shift
          case $arg in http://0.0.0.0:*) arg="http://127.0.0.1:${arg#http://0.0.0.0:}" ;; esac
          set -- "$@" "$arg"
        done
        exec %s "$@"%s
        """.formatted(shellQuote(binary.toString()), extra);
    Files.writeString(wrapper, script);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Stops the processes if the JVM exits without {@link #close()}, e.g. on Ctrl-C. */
  private void addShutdownHook() {
    KubeAPIServer toStop = server;
    Path toDelete = workDir;
    shutdownHook = new Thread(() -> {
      try {
        toStop.stop();
      } finally {
        TempDirs.deleteTree(toDelete);
      }
    }, "test-apiserver shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Stops kube-apiserver and etcd and deletes their files; safe to call more than once. Never
   * throws: a failed clean-up is reported on stderr, so it cannot hide a test's own failure.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (client != null) {
      client.close();
    }
    if (server != null) {
      try {
        server.stop();
      } catch (RuntimeException e) {
        // e.g. kube-api-test already stopped everything after a process died on its own
        System.err.println("test-apiserver: stopping the server: " + e);
      }
      if (counted) {
        RUNNING.decrementAndGet();
      }
    }
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down; the hook runs anyway
      }
    }
    TempDirs.deleteTree(workDir);
  }

  /** The client (cluster-admin, namespace {@code default}); valid between start and close. */
  public KubernetesClient client() {
    if (client == null || closed) {
      throw new IllegalStateException("the test API server is not running");
    }
    return client;
  }

  /**
   * A fresh client configuration for this server, for building extra clients (for example with an
   * interceptor). Requests are not retried: fabric8 by default retries every 5xx ten times with
   * backoff (about 19 s), and server-side apply answers some invalid objects with a 500 (see
   * {@link ServerSideApply}), so a retrying client would turn each rejection into a long wait. A
   * request may take a minute: on a loaded machine installing a large CRD took longer than fabric8's
   * default of ten seconds.
   */
  public Config config() {
    Config config = Config.fromKubeconfig(kubeConfigYaml());
    config.setRequestRetryBackoffLimit(0);
    config.setRequestTimeout(60_000);
    return config;
  }

  /** kube-api-test's kubeconfig (client certificate files in the server's temp directory). */
  public String kubeConfigYaml() {
    if (server == null || closed) {
      throw new IllegalStateException("the test API server is not running");
    }
    return server.getKubeConfigYaml();
  }

  /** The API server's URL, {@code https://127.0.0.1:<port>/}. */
  public URL url() {
    return client().getMasterUrl();
  }

  /** The CRD files installed, sorted by path. */
  public List<Path> crdFiles() {
    return crdFiles;
  }

  /** The names of the CRDs installed, all Established. */
  public List<String> crdNames() {
    return crdNames;
  }

  /** For example {@code v1.37.2}. */
  public String kubernetesVersion() {
    return kubernetesVersion;
  }

  /** How long each start phase took; null before a successful start. */
  public StartupTimes startupTimes() {
    return startupTimes;
  }

  /** The temp directory holding the binary symlinks, certificates and kubeconfig. */
  Path workDirectory() {
    return workDir;
  }

  /** Servers started and not yet closed in this JVM. */
  public static int running() {
    return RUNNING.get();
  }
}
