package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The standard library as files an editor can open: "go to definition" on {@code use cilium} must
 * land in a document with a URI, and the library lives inside the jar. Its files are written once
 * to a directory named by a hash of their text (under {@code $XDG_CACHE_HOME/clusterc}, or the
 * temporary directory), read-only, so a newer clusterc never shows an older library.
 */
public final class StdlibFiles {
  /** How the compiler names the library's documents: {@code std/NAME.cluster}. */
  static final String PREFIX = "std/";
  private static final String EXTENSION = ".cluster";

  private final Path directory;
  private final Map<String, String> texts;
  private final Map<String, SourceFile> sources = new LinkedHashMap<>();

  private StdlibFiles(Path directory, Map<String, String> texts) {
    this.directory = directory;
    this.texts = texts;
    texts.forEach((path, text) -> sources.put(path, new SourceFile(path, text)));
  }

  /** Writes the library (once per version) and answers for it; without a writable place, it is kept in memory only. */
  public static StdlibFiles materialise(ServerLog log) {
    Map<String, String> texts = documents();
    Path base = cacheBase();
    Path directory = base.resolve("stdlib-" + digest(texts));
    try {
      for (var entry : texts.entrySet()) {
        Path file = directory.resolve(entry.getKey()).normalize();
        if (!file.startsWith(directory)) {
          continue;
        }
        if (!Files.isRegularFile(file) || !Files.readString(file).equals(entry.getValue())) {
          Files.createDirectories(file.getParent());
          Files.deleteIfExists(file);
          Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8);
          file.toFile().setReadOnly();
        }
      }
    } catch (IOException e) {
      log.warn("could not write the standard library to " + directory + " (" + e.getMessage()
          + "); go to definition into it will not open a file");
    }
    return new StdlibFiles(directory, texts);
  }

  /**
   * The library's documents by the path the compiler gives them in spans ({@code std/cilium.cluster}),
   * which is also where they are written, so that an editor recognises them by their extension. The
   * compiler lists them by import name ({@code std/cilium}).
   */
  static Map<String, String> documents() {
    Map<String, String> texts = new LinkedHashMap<>();
    ClusterCompiler.standardLibrary().forEach((name, text) ->
        texts.put(name.endsWith(EXTENSION) ? name : name + EXTENSION, text));
    return texts;
  }

  /** The library's documents as the compiler reads them, by compiler path. */
  Map<String, SourceFile> sources() {
    return Collections.unmodifiableMap(sources);
  }

  /** The directory the library is written to. */
  Path directory() {
    return directory;
  }

  /** Whether a compiler path names a library document. */
  public static boolean isLibrary(String path) {
    return path.startsWith(PREFIX);
  }

  /** The file of a library document ({@code std/cilium.cluster}), if the library has it. */
  public Optional<Path> file(String path) {
    return texts.containsKey(path) ? Optional.of(directory.resolve(path)) : Optional.empty();
  }

  /** The library document a file is, ({@code std/cilium.cluster}), if it is one of the written files. */
  public Optional<String> path(Path file) {
    Path normal = file.toAbsolutePath().normalize();
    if (!normal.startsWith(directory)) {
      return Optional.empty();
    }
    String path = directory.relativize(normal).toString().replace('\\', '/');
    return texts.containsKey(path) ? Optional.of(path) : Optional.empty();
  }

  private static Path cacheBase() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    if (Files.isDirectory(base) && Files.isWritable(base) || !Files.exists(base)) {
      return base.resolve("clusterc");
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "clusterc-" + System.getProperty("user.name"));
  }

  private static String digest(Map<String, String> texts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      texts.forEach((name, text) -> {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      });
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
