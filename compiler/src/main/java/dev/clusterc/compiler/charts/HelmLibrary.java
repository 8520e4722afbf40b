package dev.clusterc.compiler.charts;

import com.marcnuri.helm.Helm;
import dev.clusterc.compiler.emit.core.ChartException;
import java.nio.file.Path;

/**
 * The one class that calls the Helm library (helm-java: Helm's Go code as a native library,
 * through JNA). Loading it loads the native library, so only {@link HelmChartRenderer#render}
 * reaches it. The chart's CRDs ({@code crds/}, which {@code helm template} leaves out) come first,
 * then its rendered templates.
 */
final class HelmLibrary {
  private HelmLibrary() {}

  static String render(Path archive, String release, String namespace, Path valuesFile) throws ChartException {
    try {
      Helm chart = new Helm(archive);
      String crds = chart.show().crds().call();
      String templates = chart.template().withName(release).withNamespace(namespace).withValuesFile(valuesFile).call();
      return crds + "\n---\n" + templates;
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage().replaceAll("(?m)^Use --debug flag.*$", "").strip();
      throw new ChartException(ChartException.Stage.RENDER, reason, e);
    } catch (LinkageError e) {
      throw new ChartException(ChartException.Stage.RENDER, "the Helm library cannot load on this machine ("
          + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e.getMessage(), e);
    }
  }
}
