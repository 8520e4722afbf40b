package dev.clusterc.compiler.files;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the compiler knows of object kinds without their CRDs: which kinds are cluster-scoped, and
 * how the kinds it knows are spelled.
 *
 * <p>Whether a kind is namespaced cannot be known without its CRD; {@link #CLUSTER_SCOPED} are the
 * cluster-scoped kinds of Kubernetes and of the controllers the standard library installs, and any
 * other kind is taken as namespaced. Kinds are case-sensitive for the API server, so a known kind
 * written in another case ({@code configmap}) is an error with the right spelling in the message.
 */
public final class ObjectKinds {
  public static final Set<String> CLUSTER_SCOPED = Set.of(
      // Kubernetes
      "APIService", "CSIDriver", "CSINode", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding",
      "ComponentStatus", "CustomResourceDefinition", "FlowSchema", "IngressClass", "MutatingAdmissionPolicy",
      "MutatingAdmissionPolicyBinding", "MutatingWebhookConfiguration", "Namespace", "Node", "PersistentVolume",
      "PriorityClass", "PriorityLevelConfiguration", "RuntimeClass", "StorageClass", "ValidatingAdmissionPolicy",
      "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration", "VolumeAttachment",
      "DeviceClass", "ResourceSlice",
      // CRDs of the controllers the standard library installs
      "GatewayClass", "VolumeSnapshotClass", "VolumeSnapshotContent", "ClusterIssuer", "ClusterSecretStore",
      "ClusterExternalSecret", "ClusterGenerator", "CiliumClusterwideNetworkPolicy", "CiliumLoadBalancerIPPool",
      "CiliumL2AnnouncementPolicy", "CiliumBGPClusterConfig", "CiliumBGPPeerConfig", "CiliumBGPAdvertisement",
      "CiliumNode", "CiliumIdentity", "CiliumCIDRGroup");

  private static final Set<String> NAMESPACED = Set.of(
      "ConfigMap", "Secret", "Service", "ServiceAccount", "Pod", "Deployment", "StatefulSet", "DaemonSet",
      "ReplicaSet", "Job", "CronJob", "PersistentVolumeClaim", "Ingress", "NetworkPolicy", "Role", "RoleBinding",
      "PodDisruptionBudget", "HorizontalPodAutoscaler", "Endpoints", "EndpointSlice", "LimitRange",
      "ResourceQuota", "Lease", "Event", "HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute", "Gateway",
      "ReferenceGrant", "Certificate", "Issuer", "HelmRelease", "HelmRepository", "OCIRepository",
      "GitRepository", "Kustomization", "ExternalSecret", "SecretStore", "SealedSecret", "ServiceMonitor",
      "PodMonitor", "PrometheusRule", "CiliumNetworkPolicy", "ReplicationSource", "ReplicationDestination",
      "VolumeSnapshot");

  private static final Map<String, String> SPELLING = new HashMap<>();

  static {
    Stream.concat(CLUSTER_SCOPED.stream(), NAMESPACED.stream()).forEach(k -> SPELLING.put(k.toLowerCase(Locale.ROOT), k));
  }

  private ObjectKinds() {}

  /** Whether objects of {@code kind} live in a namespace (any kind not known to be cluster-scoped does). */
  public static boolean namespaced(String kind) {
    return !CLUSTER_SCOPED.contains(kind);
  }

  /** The spelling of a known kind that {@code kind} writes in another case, or {@code null}. */
  public static String misspelled(String kind) {
    String known = SPELLING.get(kind.toLowerCase(Locale.ROOT));
    return known != null && !known.equals(kind) ? known : null;
  }

  /**
   * What Kubernetes tells objects apart by — API group (not version), kind, namespace and name —
   * as one key. The kind is compared without case: {@code configmap x} and {@code ConfigMap x}
   * would also land in one output file. Analysis ({@code manifests} files) and the emitter (objects
   * two units make) use this one key, so they agree on what counts as one object.
   */
  public static String identity(String group, String kind, String namespace, String name) {
    return group + "\0" + String.valueOf(kind).toLowerCase(Locale.ROOT) + "\0" + (namespace == null ? "" : namespace)
        + "\0" + name;
  }
}
