package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Completion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * The files a path after {@code import}, {@code sops}, {@code sealed} or {@code manifests} may
 * name, listed from disk relative to the document's directory: one directory at a time (the one the
 * typed part names), at most {@link #LIMIT} entries, directories first, only the files the entry
 * reads ({@code .cluster} for an import, YAML for the others, {@code *.sops.yaml} ahead for
 * {@code sops}), hidden ones only once a dot is typed. The typed path may climb out of the
 * document's directory with {@code ..} only as far as {@link #MAX_CLIMB} levels.
 */
final class FilePaths {
  /** The most entries one answer lists. */
  static final int LIMIT = 200;

  /** How many {@code ..} a typed path may climb. */
  static final int MAX_CLIMB = 4;

  private FilePaths() {}

  static void complete(Path workingDirectory, String documentPath, Completion.FilePath path, Completions.Items items,
      CancelChecker cancel) {
    Path document = workingDirectory.resolve(documentPath).normalize();
    Path base = document.getParent();
    String typed = path.prefix().replace('\\', '/');
    int slash = typed.lastIndexOf('/');
    String folder = slash < 0 ? "" : typed.substring(0, slash + 1);
    String name = typed.substring(slash + 1);
    if (base == null || typed.startsWith("/") || climbs(folder) > MAX_CLIMB) {
      return;
    }
    Path directory = base.resolve(folder).normalize();
    if (!Files.isDirectory(directory)) {
      return;
    }
    List<Path> directories = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(directory)) {
      for (Path entry : (Iterable<Path>) listed.limit(10 * LIMIT)::iterator) {
        cancel.checkCanceled();
        String entryName = entry.getFileName().toString();
        if (entryName.startsWith(".") && !name.startsWith(".") || entry.equals(document)) {
          continue;
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          directories.add(entry);
        } else if (Files.isRegularFile(entry) && accepts(path.entry(), entryName)) {
          files.add(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      return; // an unreadable directory offers nothing
    }
    Comparator<Path> byName = Comparator.comparing(p -> p.getFileName().toString());
    directories.sort(byName);
    files.sort(Comparator.comparing((Path p) -> !preferred(path.entry(), p.getFileName().toString())).thenComparing(byName));
    int count = 0;
    for (Path folderPath : directories) {
      if (count++ >= LIMIT) {
        return;
      }
      String label = folderPath.getFileName() + "/";
      items.add(label, CompletionItemKind.Folder, "directory", folder + label, folder + label);
    }
    for (Path file : files) {
      if (count++ >= LIMIT) {
        return;
      }
      String label = file.getFileName().toString();
      items.add(label, CompletionItemKind.File, "file", folder + label, folder + label);
    }
  }

  /** Whether {@code entry} reads files named so. */
  static boolean accepts(String entry, String name) {
    return entry.equals("import") ? name.endsWith(".cluster") : name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static boolean preferred(String entry, String name) {
    return switch (entry) {
      case "sops" -> name.endsWith(".sops.yaml") || name.endsWith(".sops.yml");
      case "sealed" -> name.contains(".sealed.");
      default -> true;
    };
  }

  private static int climbs(String folder) {
    int count = 0;
    for (String segment : folder.split("/")) {
      count += segment.equals("..") ? 1 : 0;
    }
    return count;
  }
}
