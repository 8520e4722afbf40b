package dev.clusterc.compiler.emit.incluster;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.kube.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runtime's Deployment: {@code replicas} pods running {@code clusterc apply --watch} on the
 * cluster's sources in Git, one leading through a Lease in {@code clusterc-system}, the others
 * standing by (ready: they serve the status endpoint). Runs as a non-root user on a read-only root
 * file system; the Git clone and the chart cache ({@code CLUSTERC_CHART_CACHE}: charts are rendered
 * in the pod) live in an emptyDir, {@code HOME} and the JVM's temporary files in another, and the
 * credentials' Secret is mounted read-only. {@code POD_NAME} is the natural leader identity.
 */
final class RuntimeDeployment {
  /** The status endpoint's port: {@code /healthz}, {@code /readyz}, {@code /metrics}. */
  static final int STATUS_PORT = 9090;
  /** Where the Git credentials' Secret is mounted. */
  static final String CREDENTIALS = "/var/run/clusterc/git";
  /**
   * How long a stopping pod may take: above the 70 s that {@code apply --watch} gives its own shutdown
   * (finish the object in flight, close the reconciler, then release the Lease).
   */
  static final int GRACE_SECONDS = 75;

  /** Where the runtime keeps its clone ({@code --git-cache}). */
  static final String CACHE = "/var/cache/clusterc";
  /** The user the container runs as: not root, the distroless images' {@code nonroot}. */
  private static final long USER = 65532;
  /** {@code 0440}: the owner and the pod's group ({@code fsGroup}) read the credentials. */
  private static final int CREDENTIALS_MODE = 0440;

  private RuntimeDeployment() {}

  /** The container's arguments, {@code apply --watch --git …}: what the CLI's {@code apply} must accept. */
  static List<String> args(InClusterSettings settings) {
    List<String> args = new ArrayList<>(List.of("apply", "--watch",
        "--git", settings.repository(), "--branch", settings.branch(), "--path", settings.path(),
        "--git-cache", CACHE));
    if ("token".equals(settings.credentials())) {
      args.addAll(List.of("--git-token-file", CREDENTIALS + "/token"));
    } else if ("ssh".equals(settings.credentials())) {
      args.addAll(List.of("--git-ssh-key", CREDENTIALS + "/identity", "--git-known-hosts", CREDENTIALS + "/known_hosts"));
    }
    // the Lease is named after the cluster here, not after the revision a replica reads first, so that
    // replicas which read different revisions (a rename in flight) still elect on one Lease
    args.addAll(List.of("--leader-elect", "--lease-namespace", InClusterSettings.NAMESPACE,
        "--lease-name", "clusterc-" + settings.cluster(),
        "--status-address", "0.0.0.0:" + STATUS_PORT, "--log-format", "json"));
    return args;
  }

  /** Fills {@code deployment} (made by the caller with the standard labels). */
  static KubeObject fill(KubeObject deployment, InClusterSettings settings) {
    Map<String, Object> podLabels = map("app.kubernetes.io/name", InClusterSettings.NAME,
        "app.kubernetes.io/instance", settings.cluster());
    List<Object> mounts = new ArrayList<>(List.of(map("name", "git-cache", "mountPath", CACHE), map("name", "tmp", "mountPath", "/tmp")));
    List<Object> volumes = new ArrayList<>(List.of(map("name", "git-cache", "emptyDir", map()), map("name", "tmp", "emptyDir", map())));
    if (settings.secret() != null) {
      mounts.add(map("name", "git-credentials", "mountPath", CREDENTIALS, "readOnly", true));
      volumes.add(map("name", "git-credentials", "secret", map("secretName", settings.secret(), "defaultMode", CREDENTIALS_MODE)));
    }
    Map<String, Object> container = map(
        "name", InClusterSettings.NAME,
        "image", settings.image(),
        "args", new ArrayList<Object>(args(settings)),
        "env", list(map("name", "POD_NAME", "valueFrom", map("fieldRef", map("fieldPath", "metadata.name"))),
            map("name", "CLUSTERC_CHART_CACHE", "value", CACHE + "/charts"),
            map("name", "HOME", "value", "/tmp"),
            // the JVM's default heap is a quarter of the memory limit (128 MiB of 512): too little for the
            // first reconcile of a large cluster; the serial collector keeps the rest of the footprint small
            map("name", "JAVA_TOOL_OPTIONS", "value", "-XX:MaxRAMPercentage=60 -XX:+UseSerialGC")),
        "ports", list(map("name", "status", "containerPort", STATUS_PORT)),
        "livenessProbe", map("httpGet", map("path", "/healthz", "port", "status"), "initialDelaySeconds", 15,
            "periodSeconds", 10, "failureThreshold", 3),
        "readinessProbe", map("httpGet", map("path", "/readyz", "port", "status"), "periodSeconds", 5),
        "resources", map("requests", map("cpu", "100m", "memory", "256Mi"), "limits", map("memory", "512Mi")),
        "securityContext", map("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true,
            "capabilities", map("drop", list("ALL"))),
        "volumeMounts", mounts);
    deployment.put("spec", map(
        "replicas", settings.replicas(),
        "selector", map("matchLabels", podLabels),
        "template", map(
            "metadata", map("labels", podLabels),
            "spec", map(
                "serviceAccountName", InClusterSettings.NAME,
                "terminationGracePeriodSeconds", GRACE_SECONDS,
                "securityContext", map("runAsNonRoot", true, "runAsUser", USER, "runAsGroup", USER, "fsGroup", USER,
                    "seccompProfile", map("type", "RuntimeDefault")),
                "containers", list(container),
                "volumes", volumes))));
    return deployment;
  }
}
