package dev.clusterc.compiler.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.compiler.kube.KubeObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * Turns the emitters' objects into the plain trees results hand out, so no fabric8 model class
 * crosses the door. Only results that are asked for their objects pay for it: writing a tree or a
 * stream never goes through here.
 */
final class ResultObjects {
  /** Leaves out unset fields, as the YAML writer does, so a tree holds what the file holds. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

  private ResultObjects() {}

  static KubeObject of(HasMetadata object) {
    return KubeObject.fromMap(MAPPER.convertValue(object, TREE));
  }

  static List<KubeObject> of(List<HasMetadata> objects) {
    return objects.stream().map(ResultObjects::of).toList();
  }
}
