package dev.clusterc.compiler.layout;

import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.files.YamlDocuments;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One YAML stream in apply order, for {@code kubectl apply -f -}: units by layer and dependency,
 * within a unit CRDs, Namespaces, cluster-scoped kinds, then the rest. Flux objects are left out
 * (they are for the GitOps tree). Of the files a unit includes as they are, SealedSecrets are in
 * the stream (only their controller can open them, so they are safe to apply); SOPS-encrypted
 * Secrets cannot be applied without decrypting them, so the stream names them in a comment instead,
 * as it names the charts an Argo CD Application would render. The stream goes
 * out object by object: at 10,000 apps it is tens of megabytes, never held whole.
 */
public final class FlatLayout {
  /** How the secret emitter names a sealed secret's file in a unit. */
  private static final String SEALED = ".sealed.yaml";

  private FlatLayout() {}

  /** Writes the stream to {@code out}, which stays open (and is not flushed). */
  public static void write(Compilation compilation, Writer out) throws IOException {
    for (Unit unit : compilation.units()) {
      for (Map.Entry<String, java.nio.file.Path> include : unit.includes().entrySet()) {
        int slash = include.getKey().indexOf('/');
        String file = include.getKey().substring(slash + 1);
        String namespace = slash < 0 ? null : include.getKey().substring(0, slash);
        if (file.endsWith(SEALED)) {
          sealed(new String(unit.content(include.getKey()), StandardCharsets.UTF_8), namespace, out);
        } else {
          out.append("# unit ").append(unit.name()).append(" also needs the SOPS-encrypted Secret ").append(file)
              .append(namespace == null ? "" : " in namespace " + namespace)
              .append(": the GitOps layout includes it for Flux to decrypt; here, decrypt it with `sops --decrypt`")
              .append(namespace == null ? "" : " and apply it with `--namespace=" + namespace + "`")
              .append(" before this unit\n");
        }
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

  /**
   * A SealedSecret as its file holds it: only its controller can open it, so it is safe to apply as
   * it is. A file that names its namespace goes out byte for byte; one that names none gets the
   * namespace where it is read, as the kustomization of its directory gives it in the GitOps layout.
   */
  @SuppressWarnings("unchecked")
  private static void sealed(String text, String namespace, Writer out) throws IOException {
    out.write("---\n");
    if (namespace == null) {
      String body = text.startsWith("---\n") ? text.substring(4) : text;
      out.write(body.endsWith("\n") ? body : body + "\n");
      return;
    }
    // check read this file as exactly one SealedSecret document, so it parses again here.
    Map<String, Object> object = (Map<String, Object>) YamlDocuments.parse(text).documents().get(0).value();
    ((Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<>())).put("namespace", namespace);
    out.write(YamlWriter.toYaml(object));
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
