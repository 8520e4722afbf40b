package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.diag.Diagnostic;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents the editor has open, by the URI it names them with and by their file (editors and
 * Java spell some URIs differently, so files are the key wherever the two meet).
 */
final class OpenDocuments {
  private final Map<String, OpenDocument> byUri = new ConcurrentHashMap<>();
  private final Map<Path, String> uris = new ConcurrentHashMap<>();

  void add(OpenDocument document) {
    byUri.put(document.uri(), document);
    uris.put(document.file(), document.uri());
  }

  /** Forgets a document; the one removed, if it was open. */
  Optional<OpenDocument> remove(String uri) {
    OpenDocument document = byUri.remove(uri);
    if (document != null) {
      uris.remove(document.file(), uri);
    }
    return Optional.ofNullable(document);
  }

  Optional<OpenDocument> get(String uri) {
    return Optional.ofNullable(byUri.get(uri));
  }

  boolean isOpen(String uri) {
    return byUri.containsKey(uri);
  }

  /** The open document of a file, if the editor has it open. */
  Optional<OpenDocument> of(Path file) {
    String uri = uris.get(file);
    return uri == null ? Optional.empty() : get(uri);
  }

  /** The URI the editor uses for a file: its own when it has the file open, else the file's. */
  String uriOf(Path file) {
    String known = uris.get(file);
    return known != null ? known : file.toUri().toString();
  }

  /** Why the open document of a file is not analysed (too large, binary), if it is open and refused. */
  Optional<Diagnostic> refusalOf(Path file) {
    return of(file).flatMap(OpenDocument::refusal);
  }

  Collection<OpenDocument> all() {
    return List.copyOf(byUri.values());
  }

  /**
   * Gives a cluster the editor's text of a file (or marks it refused; a file not open goes back to
   * the disk). The text is read and handed over under the document's lock, so that of two callers
   * (an edit, and the document being placed) the last to hand over hands over the newest text.
   * Whether the cluster's text changed.
   */
  boolean handOver(ClusterSession cluster, Path file) {
    Optional<OpenDocument> open = of(file);
    if (open.isEmpty()) {
      return cluster.overlay(file, null, false);
    }
    OpenDocument document = open.get();
    synchronized (document) {
      boolean refused = document.refusal().isPresent();
      return cluster.overlay(file, refused ? null : document.text(), refused);
    }
  }
}
