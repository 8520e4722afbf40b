package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.program.Decl;
import dev.clusterc.compiler.source.SourceSpan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the compiler adds to a raw object of an app's {@code manifests}: the app's namespace when a
 * namespaced object names none, the standard labels (the object's own labels win), and the source
 * annotation pointing at the {@code manifests} entry.
 *
 * <p>Whether a kind is namespaced cannot be known without its CRD; the kinds below are the
 * cluster-scoped ones of Kubernetes and of the controllers the standard library installs, and any
 * other kind is taken as namespaced.
 */
final class ManifestsMetadata {
  static final Set<String> CLUSTER_SCOPED = Set.of(
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

  private ManifestsMetadata() {}

  static boolean namespaced(String kind) {
    return !CLUSTER_SCOPED.contains(kind);
  }

  /** Completes the object's metadata in place (see the class comment). */
  static void complete(GenericKubernetesResource object, Decl app, SourceSpan entry, EmitContext context) {
    ObjectMeta own = object.getMetadata();
    String namespace = context.namespaceOf(app);
    ObjectMeta standard = context.meta(app, entry, own.getName(), namespace);
    if (namespaced(object.getKind()) && (own.getNamespace() == null || own.getNamespace().isEmpty())) {
      own.setNamespace(namespace);
    }
    Map<String, String> labels = new LinkedHashMap<>(standard.getLabels());
    if (own.getLabels() != null) {
      labels.putAll(own.getLabels());
    }
    own.setLabels(labels);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (own.getAnnotations() != null) {
      annotations.putAll(own.getAnnotations());
    }
    annotations.putAll(standard.getAnnotations());
    own.setAnnotations(annotations);
  }
}
