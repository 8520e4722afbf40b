package dev.clusterc.runtime.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the API server's error answers mean for clusterc: conflicts, immutable fields, missing kinds. */
final class ApiErrors {
  /** {@code conflict with "kubectl-edit" using v1: .data.key} — the manager is the quoted part. */
  private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");
  /** How the API server words a change to a field that cannot change after creation. */
  private static final List<String> IMMUTABLE_WORDING = List.of("is immutable", "may not change once set",
      "updates to statefulset spec for fields other than");

  private ApiErrors() {}

  /** The other field managers a 409 apply conflict names, sorted; empty when it is no conflict. */
  static List<String> conflictingManagers(KubernetesClientException e) {
    if (e.getCode() != 409) {
      return List.of();
    }
    TreeSet<String> managers = new TreeSet<>();
    for (String message : messages(e)) {
      Matcher matcher = MANAGER.matcher(message);
      while (matcher.find()) {
        managers.add(matcher.group(1));
      }
    }
    return List.copyOf(managers);
  }

  /** The fields a 409 apply conflict names ({@code .data.key}), for the message. */
  static List<String> conflictingFields(KubernetesClientException e) {
    List<String> fields = new ArrayList<>();
    Status status = e.getStatus();
    if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
      for (StatusCause cause : status.getDetails().getCauses()) {
        if (cause.getField() != null) {
          fields.add(cause.getField());
        }
      }
    }
    return fields;
  }

  /** Whether the server refused to change a field that cannot change once the object exists. */
  static boolean immutable(KubernetesClientException e) {
    if (e.getCode() != 422) {
      return false;
    }
    return messages(e).stream().map(m -> m.toLowerCase(Locale.ROOT))
        .anyMatch(m -> IMMUTABLE_WORDING.stream().anyMatch(m::contains));
  }

  /** The server's own message, without fabric8's request prefix. */
  static String message(KubernetesClientException e) {
    Status status = e.getStatus();
    return status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
  }

  /**
   * Whether the object's kind is not served (its CRD is missing or not yet Established): fabric8
   * finds no such resource in discovery, or the server answers 404 for the whole resource type.
   */
  static boolean kindNotServed(KubernetesClientException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Could not find the metadata") || message.contains("Could not find a registered handler")
        || message.contains("the server could not find the requested resource")
        || (e.getCode() == 404 && e.getStatus() != null && e.getStatus().getDetails() != null
            && e.getStatus().getDetails().getName() == null && !"namespaces".equals(e.getStatus().getDetails().getKind()));
  }

  private static List<String> messages(KubernetesClientException e) {
    List<String> messages = new ArrayList<>();
    messages.add(String.valueOf(e.getMessage()));
    Status status = e.getStatus();
    if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
      status.getDetails().getCauses().forEach(c -> messages.add(String.valueOf(c.getMessage())));
    }
    return messages;
  }
}
