package dev.clusterc.testapiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Kubernetes YAML (one or more documents) into {@link GenericKubernetesResource}s.
 *
 * <p>Deliberately untyped: fabric8 maps known kinds (built-ins, but also Gateway API) to model
 * classes of its own API version, and a round trip through them could reorder, default or drop
 * fields. A generic resource sends exactly the fields that were written, which is what a schema
 * test must check.
 */
public final class Manifests {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Manifests() {}

  /** Every non-empty document of {@code yaml}, in order. */
  public static List<GenericKubernetesResource> parse(String yaml) {
    List<GenericKubernetesResource> resources = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (documents.hasNextValue()) {
        JsonNode document = documents.nextValue();
        if (document == null || document.isNull() || document.isMissingNode()
            || document.isEmpty()) {
          continue;
        }
        if (!document.isObject()) {
          throw new IllegalArgumentException("a YAML document is not a mapping: " + document);
        }
        resources.add(SERIALIZATION.convertValue(document, GenericKubernetesResource.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("invalid YAML: " + e.getMessage(), e);
    }
    return resources;
  }

  /** Every non-empty document of the file. */
  public static List<GenericKubernetesResource> read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
