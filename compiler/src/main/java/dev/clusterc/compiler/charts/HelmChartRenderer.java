package dev.clusterc.compiler.charts;

import dev.clusterc.compiler.emit.core.ChartException;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.model.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders charts with the Helm library: the archive from the {@link ChartCache} (fetched on first
 * use), the values written to a temporary file Helm reads, then {@code helm show crds} and
 * {@code helm template} through {@link HelmLibrary}. The library itself is touched only inside
 * {@link #render}: a compile that renders no chart never loads it.
 */
public final class HelmChartRenderer implements ChartRenderer {
  private final ChartCache cache;

  public HelmChartRenderer(ChartCache cache) {
    this.cache = cache;
  }

  /** A renderer over the cache the environment names ({@link ChartCache#fromEnvironment}). */
  public static HelmChartRenderer fromEnvironment() {
    return new HelmChartRenderer(ChartCache.fromEnvironment());
  }

  @Override
  public String render(Component.Chart chart, String release, String namespace, Map<String, Object> values)
      throws ChartException {
    Path archive = cache.archive(chart);
    Path valuesFile = null;
    try {
      valuesFile = Files.createTempFile("clusterc-values-", ".yaml");
      DumperOptions options = new DumperOptions();
      options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
      Files.writeString(valuesFile, new Yaml(options).dump(values));
      return HelmLibrary.render(archive, release, namespace, valuesFile);
    } catch (IOException e) {
      throw new ChartException(ChartException.Stage.RENDER, "cannot write its values for Helm: " + e.getMessage(), e);
    } finally {
      if (valuesFile != null) {
        try {
          Files.deleteIfExists(valuesFile);
        } catch (IOException ignored) {
          // a temporary file left behind harms nothing
        }
      }
    }
  }
}
