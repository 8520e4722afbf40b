package dev.clusterc.testapiserver;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.dsl.NamespaceableResource;
import io.fabric8.kubernetes.client.dsl.WritableOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-side apply as clusterc does it: field manager {@code clusterc}, conflicts forced,
 * {@code fieldValidation=Strict}.
 *
 * <p>fabric8 sends this as {@code PATCH} with {@code Content-Type: application/apply-patch+yaml}
 * (a JSON body, which is valid YAML) and the query {@code fieldValidation=Strict&fieldManager=
 * clusterc&force=true}, plus {@code dryRun=All} for a dry run ({@code OperationSupport
 * .getResourceURLForPatchOperation}); {@code ServerSideApplyRequestTest} records the requests.
 *
 * <p>How kube-apiserver (1.37) rejects an invalid object, for built-in kinds and CRDs alike:
 * <ul>
 *   <li>a value the schema forbids (required field missing, minimum, format, enum, CEL rule):
 *       <b>422</b> Invalid, the message naming the field ({@code spec.sourceRef: Required value});
 *   <li>a field the schema does not declare, or a value of the wrong type: <b>500</b>
 *       {@code failed to create typed patch object (...): .spec.instances: expected numeric (int or
 *       float), got string}. The apply patch is converted to a typed object before validation and
 *       that error is not mapped to a 4xx (kubernetes/kubernetes#139253). This happens whatever
 *       {@code fieldValidation} says; Strict is set so that nothing is ever downgraded to a warning.
 * </ul>
 * Use a client that does not retry 5xx ({@link TestApiServer#client()} does not), or each such
 * rejection waits out fabric8's retries (fabric8io/kubernetes-client#6927).
 *
 * <p>A dry run still runs defaulting, validation and admission, but its namespace must exist for
 * real (404 otherwise): a dry-run Namespace does not count. For a kind fabric8 has no model class
 * for, the resource is found by API discovery, so its CRD must be installed and Established.
 */
public final class ServerSideApply {

  /** The field manager of every apply. */
  public static final String FIELD_MANAGER = "clusterc";

  private ServerSideApply() {}

  /**
   * Applies one object and returns the server's answer (for a dry run, the object as it would be
   * stored). Errors surface as {@link io.fabric8.kubernetes.client.KubernetesClientException}: 422
   * or 500 for an invalid object (see above), 404 when its namespace does not exist.
   */
  public static <T extends HasMetadata> T apply(KubernetesClient client, T object, boolean dryRun) {
    NamespaceableResource<T> resource = client.resource(object);
    WritableOperation<T> operation = dryRun ? resource.dryRun() : resource;
    return operation
        .fieldValidation(Validation.STRICT)
        .fieldManager(FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  /** Applies every document of {@code yaml} in order; see {@link #apply}. */
  public static List<GenericKubernetesResource> applyYaml(KubernetesClient client, String yaml,
      boolean dryRun) {
    List<GenericKubernetesResource> applied = new ArrayList<>();
    for (GenericKubernetesResource object : Manifests.parse(yaml)) {
      applied.add(apply(client, object, dryRun));
    }
    return applied;
  }
}
