package dev.clusterc.compiler.load;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The standard library: the {@code .cluster} files shipped under {@code std/} on the class path,
 * parsed once per process. Files are named {@code std/NAME.cluster} in diagnostics.
 */
public final class Stdlib {
  private static final String ROOT = "std";

  private Stdlib() {}

  /** Every standard-library file by its import path ({@code std/cilium}). */
  public static Map<String, SourceUnit> units() {
    return Holder.UNITS;
  }

  /** The file an {@code import "std/…"} names, if it exists. */
  public static Optional<SourceUnit> unit(String importPath) {
    String key = importPath.endsWith(".cluster") ? importPath.substring(0, importPath.length() - ".cluster".length()) : importPath;
    return Optional.ofNullable(Holder.UNITS.get(key));
  }

  private static final class Holder {
    static final Map<String, SourceUnit> UNITS = load();
  }

  private static Map<String, SourceUnit> load() {
    Map<String, SourceUnit> units = new TreeMap<>();
    for (String name : fileNames()) {
      String resource = ROOT + "/" + name;
      try (InputStream in = Stdlib.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          continue;
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        units.put(ROOT + "/" + name.substring(0, name.length() - ".cluster".length()), Parser.parse(new SourceFile(resource, text)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the standard library file " + resource, e);
      }
    }
    return units;
  }

  private static List<String> fileNames() {
    URL url = Stdlib.class.getClassLoader().getResource(ROOT);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return list(fs.getPath(ROOT));
      }
      return list(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list the standard library at " + url, e);
    }
  }

  private static List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cluster")).sorted().forEach(names::add);
    }
    return names;
  }
}
