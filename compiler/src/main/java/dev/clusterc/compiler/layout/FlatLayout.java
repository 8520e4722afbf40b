package dev.clusterc.compiler.layout;

import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * One YAML stream in apply order, for {@code kubectl apply -f -}: units by layer and dependency,
 * within a unit CRDs, Namespaces, cluster-scoped kinds, then the rest. Flux objects are left out
 * (they are for the GitOps tree); files a unit includes as they are (encrypted secrets) cannot be
 * applied without decrypting them, so the stream names them in a comment instead, as it names the
 * charts an Argo CD Application would render. The stream goes
 * out object by object: at 10,000 apps it is tens of megabytes, never held whole.
 */
public final class FlatLayout {
  private FlatLayout() {}

  /** Writes the stream to {@code out}, which stays open (and is not flushed). */
  public static void write(Compilation compilation, Writer out) throws IOException {
    for (Unit unit : compilation.units()) {
      for (Map.Entry<String, java.nio.file.Path> include : unit.includes().entrySet()) {
        int slash = include.getKey().indexOf('/');
        out.append("# unit ").append(unit.name()).append(" also needs ").append(include.getKey().substring(slash + 1))
            .append(slash < 0 ? "" : " in namespace " + include.getKey().substring(0, slash))
            .append(", included as it is in the GitOps layout (decrypt it before applying)\n");
      }
      for (ChartRelease release : unit.releases()) {
        out.append("# unit ").append(unit.name()).append(" also needs the chart ").append(release.chart()).append(' ')
            .append(release.version()).append(" from ").append(release.repository()).append(" as release ")
            .append(release.name()).append(" in namespace ").append(release.namespace())
            .append(", which its Argo CD Application renders\n");
      }
      for (KubeObject object : ObjectOrder.applyOrder(unit.objects())) {
        YamlWriter.writeDocument(object, out);
      }
    }
  }

  /** The stream as one string, for a caller that needs it whole (a file written atomically, a test). */
  public static String write(Compilation compilation) {
    TextWriter out = new TextWriter();
    try {
      write(compilation, out);
    } catch (IOException e) {
      throw new UncheckedIOException("a TextWriter does not fail", e);
    }
    return out.text.toString();
  }

  /**
   * A writer into a {@link StringBuilder}: {@link java.io.StringWriter} appends to a synchronized
   * buffer, which took a fifth of the time of writing 1,000 apps.
   */
  private static final class TextWriter extends Writer {
    final StringBuilder text = new StringBuilder(1 << 16);

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
