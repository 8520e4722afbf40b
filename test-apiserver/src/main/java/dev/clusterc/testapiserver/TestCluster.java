package dev.clusterc.testapiserver;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A small real cluster on 127.0.0.1 for tests that need controllers: etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler and kwok, each a child process of this JVM, with one fake
 * Node ({@value #NODE_NAME}) that kwok keeps Ready. Deployments roll out, Jobs complete,
 * ServiceAccounts and EndpointSlices appear; no container ever runs (a scheduled pod is Ready).
 * No CRDs are installed.
 *
 * <p>One instance per test class (see {@link WithTestCluster}). Each program logs to its own file
 * under {@code target/test-cluster/}; a start failure names the file and quotes its end.
 *
 * <pre>{@code
 * try (TestCluster cluster = new TestCluster()) {
 *   KubernetesClient client = cluster.start();
 *   ...
 * }
 * }</pre>
 */
public final class TestCluster implements AutoCloseable {

  /** The name of the cluster's one Node. */
  public static final String NODE_NAME = FakeNode.NAME;

  private static final String ETCD = "etcd";
  private static final String API_SERVER = "kube-apiserver";
  private static final String CONTROLLER_MANAGER = "kube-controller-manager";
  private static final String SCHEDULER = "kube-scheduler";
  private static final String KWOK = "kwok";
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final AtomicInteger RUNNING = new AtomicInteger();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
  private Path workDir;
  private Path logDir;
  private Path kubeconfig;
  private ControlPlaneCommands commands;
  private KubernetesClient client;
  private Thread shutdownHook;
  private ClusterStartupTimes startupTimes;
  private String kubernetesVersion = "";
  private boolean started;
  private boolean closed;

  /**
   * Builds the binaries if needed (once per JVM), starts the five programs and waits until the
   * node is Ready and the {@code default} ServiceAccount exists. On failure everything started
   * so far is stopped.
   */
  public synchronized KubernetesClient start() {
    if (started || closed) {
      throw new IllegalStateException("a TestCluster starts once; create a new one");
    }
    started = true;
    RUNNING.incrementAndGet();
    long begin = System.nanoTime();
    try {
      ApiServerBinaries binaries = ApiServerBinaries.forThisJvm();
      KwokBinaries kwok = KwokBinaries.forThisJvm();
      kubernetesVersion = binaries.kubernetesVersion();
      long built = System.nanoTime();

      workDir = Files.createTempDirectory("clusterc-cluster-");
      logDir = newLogDirectory();
      addShutdownHook();
      ClusterPki pki = ClusterPki.create(workDir.resolve("pki"));
      ClusterPorts ports = ClusterPorts.free();
      kubeconfig = KubeconfigFile.write(workDir.resolve("kubeconfig"), ports.apiServer(), pki);
      commands = new ControlPlaneCommands(binaries, kwok, pki, kubeconfig, ports, workDir);

      ChildProcess etcd = launch(ETCD, commands.etcd());
      HealthProbe.await(etcd, URI.create("http://127.0.0.1:" + ports.etcdClient() + "/health"),
          WAIT);
      launchApiServer();
      client = new KubernetesClientBuilder().withConfig(config()).build();
      long apiReady = System.nanoTime();

      ChildProcess controllers = launch(CONTROLLER_MANAGER, commands.kubeControllerManager());
      ChildProcess scheduler = launch(SCHEDULER, commands.kubeScheduler());
      ChildProcess fakeKubelet = launch(KWOK,
          commands.kwok(KwokConfigFile.write(workDir.resolve("kwok.yaml"), kwok.stages())));
      FakeNode.create(client);
      HealthProbe.await(controllers, healthz(ports.controllerManager()), WAIT);
      HealthProbe.await(scheduler, healthz(ports.scheduler()), WAIT);
      HealthProbe.awaitCondition(fakeKubelet, "node " + NODE_NAME + " to be Ready", WAIT,
          answering(() -> FakeNode.isReady(client.nodes().withName(NODE_NAME).get())));
      awaitDefaultServiceAccount("default");
      long ready = System.nanoTime();

      startupTimes = new ClusterStartupTimes(Duration.ofNanos(built - begin),
          Duration.ofNanos(apiReady - built), Duration.ofNanos(ready - apiReady));
      System.out.println(startupTimes.describe(apiServerUrl(), logDir.toAbsolutePath()));
      return client;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  private ChildProcess launch(String name, List<String> command) {
    Map<String, String> env = new LinkedHashMap<>();
    if (KWOK.equals(name)) {
      env.put("HOME", workDir.resolve("kwok-home").toString()); // kwok keeps state under ~/.kwok
    }
    ChildProcess process = ChildProcess.start(name, command, env, logDir.resolve(name + ".log"));
    processes.put(name, process);
    return process;
  }

  private void launchApiServer() {
    ChildProcess apiServer = launch(API_SERVER, commands.kubeApiServer());
    HealthProbe.await(apiServer, URI.create(apiServerUrl() + "/readyz"), WAIT);
  }

  /**
   * Kills kube-apiserver with SIGKILL, as a crash would, and waits until it is gone; etcd and the
   * other programs keep running (the controllers and kwok retry until it is back).
   */
  public synchronized void stopApiServer() {
    requireRunning();
    ChildProcess apiServer = processes.get(API_SERVER);
    if (apiServer == null || !apiServer.isAlive()) {
      throw new IllegalStateException("kube-apiserver is not running");
    }
    apiServer.kill();
  }

  /** Starts kube-apiserver again, same port, flags and etcd, and waits for {@code /readyz}. */
  public synchronized void startApiServer() {
    requireRunning();
    ChildProcess apiServer = processes.get(API_SERVER);
    if (apiServer != null && apiServer.isAlive()) {
      throw new IllegalStateException("kube-apiserver is already running (pid "
          + apiServer.pid() + ")");
    }
    launchApiServer();
  }

  /**
   * Creates a namespace and waits until the controllers gave it its {@code default}
   * ServiceAccount, without which the ServiceAccount admission plugin rejects its pods.
   */
  public Namespace createNamespace(String name) {
    Namespace namespace = client().namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    awaitDefaultServiceAccount(name);
    return namespace;
  }

  private void awaitDefaultServiceAccount(String namespace) {
    HealthProbe.awaitCondition(processes.get(CONTROLLER_MANAGER),
        "ServiceAccount " + namespace + "/default", WAIT, answering(() -> client.serviceAccounts()
            .inNamespace(namespace).withName("default").get() != null));
  }

  /** A condition read from the API server; an error (e.g. while it restarts) means not yet. */
  private static BooleanSupplier answering(BooleanSupplier condition) {
    return () -> {
      try {
        return condition.getAsBoolean();
      } catch (KubernetesClientException e) {
        return false;
      }
    };
  }

  private static URI healthz(int port) {
    return URI.create("https://127.0.0.1:" + port + "/healthz");
  }

  private static Path newLogDirectory() throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = Path.of(System.getProperty("user.dir"), "target", "test-cluster",
        "cluster-" + stamp + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet());
    return Files.createDirectories(dir);
  }

  /** Stops the processes if the JVM exits without {@link #close()}, e.g. on Ctrl-C. */
  private void addShutdownHook() {
    shutdownHook = new Thread(this::stopEverything, "test-cluster shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** kwok first, etcd last: SIGTERM, then SIGKILL after a grace period. */
  private void stopEverything() {
    List<ChildProcess> reversed = new ArrayList<>(processes.values());
    Collections.reverse(reversed);
    for (ChildProcess process : reversed) {
      try {
        process.stop(STOP_GRACE);
      } catch (RuntimeException e) {
        System.err.println("test-cluster: stopping " + process.name() + ": " + e.getMessage());
      }
    }
    TempDirs.deleteTree(workDir);
  }

  /**
   * Stops every program and deletes the certificates and etcd data (the logs stay); safe to call
   * more than once. Never throws, so a failed clean-up cannot hide a test's own failure.
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
    stopEverything();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down; the hook runs anyway
      }
    }
    if (started) {
      RUNNING.decrementAndGet();
    }
  }

  private void requireRunning() {
    if (client == null || closed) {
      throw new IllegalStateException("the test cluster is not running");
    }
  }

  /** The client (cluster-admin, namespace {@code default}); valid between start and close. */
  public KubernetesClient client() {
    requireRunning();
    return client;
  }

  /**
   * A fresh client configuration, for extra clients. Requests are not retried (see
   * {@link TestApiServer#config()} for why), so a request while the API server is stopped fails
   * at once.
   */
  public Config config() {
    Config config = Config.fromKubeconfig(readKubeconfig());
    config.setRequestRetryBackoffLimit(0);
    return config;
  }

  /** The kubeconfig file (admin, certificates embedded), for kubectl and other tools. */
  public Path kubeconfig() {
    requireRunning();
    return kubeconfig;
  }

  /** {@code https://127.0.0.1:<port>}, the same across {@link #startApiServer()}. */
  public String apiServerUrl() {
    return "https://127.0.0.1:" + commands.ports().apiServer();
  }

  /** The directory of the programs' logs ({@code <name>.log}), kept after close. */
  public Path logDirectory() {
    return logDir;
  }

  /** Program name → pid, for every program started (kube-apiserver: the latest start). */
  public Map<String, Long> processIds() {
    Map<String, Long> pids = new LinkedHashMap<>();
    processes.forEach((name, process) -> pids.put(name, process.pid()));
    return pids;
  }

  /** For example {@code v1.37.2}. */
  public String kubernetesVersion() {
    return kubernetesVersion;
  }

  /** How long each start phase took; null before a successful start. */
  public ClusterStartupTimes startupTimes() {
    return startupTimes;
  }

  /** Clusters started and not yet closed in this JVM. */
  public static int running() {
    return RUNNING.get();
  }

  private String readKubeconfig() {
    try {
      return Files.readString(kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
