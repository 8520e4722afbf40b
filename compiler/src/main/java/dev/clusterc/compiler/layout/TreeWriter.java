package dev.clusterc.compiler.layout;

import dev.clusterc.compiler.emit.core.FileNames;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the files of one layout below a root directory, and is the layout's own guard: every
 * path is checked segment by segment ({@link FileNames#problem}) and must resolve inside the root,
 * two files whose paths differ only in case (or a file where another needs a directory) are refused
 * instead of one overwriting the other, and files are created new, never through an existing link.
 * Files and directories are created with the process's default mode, so the umask applies.
 */
public final class TreeWriter {
  private final Path root;
  /** Case-folded path → what was written there, to name both sides of a collision. */
  private final Map<String, String> files = new HashMap<>();
  /** Case-folded directory paths created so far. */
  private final Map<String, String> dirs = new HashMap<>();

  public TreeWriter(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Writes {@code text} to {@code relative}; {@code what} names its source for a collision message. */
  public void text(String relative, String text, String what) throws IOException {
    try (OutputStream out = create(relative, what)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Writes {@code object} as YAML to {@code relative}, streaming it into the file. */
  void object(String relative, KubeObject object, String what) throws IOException {
    try (Writer out = new BufferedWriter(new OutputStreamWriter(create(relative, what), StandardCharsets.UTF_8))) {
      YamlWriter.write(object, out);
    }
  }

  /** Writes {@code content} to {@code relative}, byte for byte (an included file, as analysis read it). */
  void bytes(String relative, byte[] content, String what) throws IOException {
    try (OutputStream out = create(relative, what)) {
      out.write(content);
    }
  }

  private OutputStream create(String relative, String what) throws IOException {
    Path target = target(relative);
    String folded = FileNames.folded(relative);
    String earlier = files.putIfAbsent(folded, what);
    if (earlier != null || dirs.containsKey(folded)) {
      throw new OutputRefusedException(target.toString(),
          (earlier != null ? earlier : "a directory") + " and " + what + " would be written to this one file",
          "names that differ only in case, or only in characters a file name cannot hold, are the same file here; "
              + "rename one of them");
    }
    int slash = relative.lastIndexOf('/');
    for (int end = relative.indexOf('/'); end >= 0 && end <= slash; end = relative.indexOf('/', end + 1)) {
      String dir = FileNames.folded(relative.substring(0, end));
      String file = files.get(dir);
      if (file != null) {
        throw new OutputRefusedException(root.resolve(relative.substring(0, end)).toString(),
            file + " is written to this path, and " + what + " needs it to be a directory", "rename one of them");
      }
      dirs.putIfAbsent(dir, what);
    }
    Files.createDirectories(target.getParent());
    return Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** The absolute file for {@code relative}, after checking it cannot leave the root. */
  private Path target(String relative) throws OutputRefusedException {
    String problem = FileNames.problem(relative);
    Path target = problem == null ? root.resolve(relative).normalize() : null;
    if (target != null && !(target.startsWith(root) && !target.equals(root))) {
      problem = "a path outside the output directory";
    }
    if (problem != null) {
      String shown = relative == null ? "" : relative.replace('\0', '?');
      throw new OutputRefusedException(root + "/" + shown,
          "not written: " + problem, "a name in the sources becomes this path; only plain names can be written");
    }
    return target;
  }
}
