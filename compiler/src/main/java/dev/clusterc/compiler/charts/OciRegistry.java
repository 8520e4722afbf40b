package dev.clusterc.compiler.charts;

import dev.clusterc.compiler.emit.core.ChartException;
import dev.clusterc.compiler.model.Component;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A chart from an OCI registry, pulled as Helm pulls it, anonymously: the manifest of
 * {@code REGISTRY/PATH/CHART:VERSION}, then its layer of the Helm chart media type by digest. A
 * registry that answers 401 with a {@code Bearer} challenge (ghcr.io, Docker Hub) gets the
 * anonymous token its realm hands out, and the request is made again with it. Registries on this
 * machine are spoken to over plain HTTP ({@link ChartSource#scheme}).
 */
final class OciRegistry {
  static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final ChartSource source;
  private String token;

  OciRegistry(ChartSource source) {
    this.source = source;
  }

  ChartSource.Fetched fetch(Component.Chart chart) throws ChartException {
    String reference = chart.ociUrl().substring("oci://".length());
    int slash = reference.indexOf('/');
    if (slash <= 0) {
      throw new ChartException(ChartException.Stage.FETCH, chart.ociUrl() + " names no repository inside the registry");
    }
    String host = reference.substring(0, slash);
    String base = ChartSource.scheme(host) + "://" + host + "/v2/" + reference.substring(slash + 1);
    URI manifestUri = URI.create(base + "/manifests/" + chart.version());
    Object manifest = json(manifestUri, get(manifestUri, MANIFEST).body());
    String digest = chartLayer(manifest);
    if (digest == null) {
      throw new ChartException(ChartException.Stage.FETCH, manifestUri + " has no Helm chart layer");
    }
    URI blob = URI.create(base + "/blobs/" + digest);
    return new ChartSource.Fetched(get(blob, "*/*").body(), blob.toString(), digest.substring("sha256:".length()));
  }

  private HttpResponse<byte[]> get(URI uri, String accept) throws ChartException {
    Map<String, String> headers = new HashMap<>(Map.of("Accept", accept));
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response = source.send(uri, headers);
    if (response.statusCode() == 401 && token == null) {
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      token = anonymousToken(uri, challenge);
      headers.put("Authorization", "Bearer " + token);
      response = source.send(uri, headers);
    }
    if (response.statusCode() != 200) {
      throw new ChartException(ChartException.Stage.FETCH, uri + " answered HTTP " + response.statusCode());
    }
    return response;
  }

  /** The token a {@code Bearer realm="…",service="…",scope="…"} challenge's realm gives anyone. */
  private String anonymousToken(URI uri, String challenge) throws ChartException {
    if (!challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ChartException(ChartException.Stage.FETCH, uri + " asks for credentials (HTTP 401)");
    }
    Map<String, String> parameters = new HashMap<>();
    Matcher matcher = PARAMETER.matcher(challenge);
    while (matcher.find()) {
      parameters.put(matcher.group(1), matcher.group(2));
    }
    StringBuilder realm = new StringBuilder(parameters.getOrDefault("realm", ""));
    char separator = realm.indexOf("?") < 0 ? '?' : '&';
    for (String key : List.of("service", "scope")) {
      if (parameters.containsKey(key)) {
        realm.append(separator).append(key).append('=').append(URLEncoder.encode(parameters.get(key), StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    URI tokenUri = URI.create(realm.toString());
    Object answer = json(tokenUri, source.get(tokenUri, Map.of()).body());
    if (answer instanceof Map<?, ?> map) {
      for (String key : List.of("token", "access_token")) {
        if (map.get(key) instanceof String found && !found.isEmpty()) {
          return found;
        }
      }
    }
    throw new ChartException(ChartException.Stage.FETCH, tokenUri + " gave no anonymous token");
  }

  private static String chartLayer(Object manifest) {
    if (manifest instanceof Map<?, ?> map && map.get("layers") instanceof List<?> layers) {
      for (Object layer : layers) {
        if (layer instanceof Map<?, ?> l && CHART_LAYER.equals(l.get("mediaType")) && l.get("digest") instanceof String d
            && d.startsWith("sha256:")) {
          return d;
        }
      }
    }
    return null;
  }

  private static Object json(URI uri, byte[] body) throws ChartException {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new ChartException(ChartException.Stage.FETCH, uri + " did not answer with JSON", e);
    }
  }
}
