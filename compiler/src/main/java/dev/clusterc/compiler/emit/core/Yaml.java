package dev.clusterc.compiler.emit.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.UncheckedIOException;

/**
 * Kubernetes objects as YAML, the same bytes for the same object: fields in the model's order and
 * every map's entries sorted by key (as {@code kubectl get -o yaml} prints them), so no hash order
 * can leak into output; no document marker; quotes only where YAML needs them.
 */
public final class Yaml {
  private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build())
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Yaml() {}

  public static String write(Object object) {
    try {
      return MAPPER.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + describe(object) + " as YAML", e);
    }
  }

  public static <T> T read(String yaml, Class<T> type) {
    try {
      return MAPPER.readValue(yaml, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot read YAML as " + type.getSimpleName(), e);
    }
  }

  private static String describe(Object object) {
    return object instanceof HasMetadata h ? h.getKind() + " " + h.getMetadata().getName() : object.getClass().getSimpleName();
  }
}
