package dev.clusterc.compiler.charts;

import dev.clusterc.compiler.emit.core.ChartException;
import dev.clusterc.compiler.model.Component;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A chart from a Helm repository: {@code REPOSITORY/index.yaml} lists, per chart name, its versions
 * with the archive's address ({@code urls}, absolute or relative to the repository) and its
 * SHA-256 ({@code digest}). Only the version written is taken (no ranges: the component pins it).
 */
final class HelmIndex {
  /** Public indexes run to tens of megabytes (one lists thousands of versions). */
  private static final int MAX_INDEX_CODE_POINTS = 256 * 1024 * 1024;

  private final ChartSource source;

  HelmIndex(ChartSource source) {
    this.source = source;
  }

  ChartSource.Fetched fetch(Component.Chart chart) throws ChartException {
    URI base = URI.create(chart.repository().endsWith("/") ? chart.repository() : chart.repository() + "/");
    URI indexUri = base.resolve("index.yaml");
    String text = new String(source.get(indexUri, Map.of()).body(), StandardCharsets.UTF_8);
    Map<?, ?> entry = entry(indexUri, text, chart);
    if (!(entry.get("urls") instanceof List<?> urls) || urls.isEmpty() || !(urls.get(0) instanceof String url)) {
      throw new ChartException(ChartException.Stage.FETCH, indexUri + " gives no address for this version");
    }
    URI archive = base.resolve(url);
    String digest = entry.get("digest") instanceof String d && d.matches("[0-9a-fA-F]{64}") ? d : null;
    return new ChartSource.Fetched(source.get(archive, Map.of()).body(), archive.toString(), digest);
  }

  /** The index's entry of the chart's version. */
  private static Map<?, ?> entry(URI indexUri, String text, Component.Chart chart) throws ChartException {
    Object index;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(MAX_INDEX_CODE_POINTS);
      options.setAllowDuplicateKeys(true);
      index = new Yaml(new SafeConstructor(options)).load(text);
    } catch (RuntimeException e) {
      throw new ChartException(ChartException.Stage.FETCH, indexUri + " is not a Helm repository index", e);
    }
    if (!(index instanceof Map<?, ?> root) || !(root.get("entries") instanceof Map<?, ?> entries)) {
      throw new ChartException(ChartException.Stage.FETCH, indexUri + " is not a Helm repository index (no entries)");
    }
    if (!(entries.get(chart.chart()) instanceof List<?> versions)) {
      throw new ChartException(ChartException.Stage.FETCH, "the repository lists no chart \"" + chart.chart() + "\"");
    }
    StringBuilder listed = new StringBuilder();
    for (Object version : versions) {
      if (version instanceof Map<?, ?> v) {
        String written = String.valueOf(v.get("version"));
        if (written.equals(chart.version()) || written.equals("v" + chart.version()) || ("v" + written).equals(chart.version())) {
          return v;
        }
        if (listed.length() < 120) {
          listed.append(listed.length() == 0 ? "" : ", ").append(written);
        }
      }
    }
    throw new ChartException(ChartException.Stage.FETCH, "the repository lists no version \"" + chart.version()
        + "\" of \"" + chart.chart() + "\"" + (listed.length() == 0 ? "" : " (it lists " + listed + ")"));
  }
}
