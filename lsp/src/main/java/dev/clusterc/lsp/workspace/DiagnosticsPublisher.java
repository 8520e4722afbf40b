package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends each cluster's diagnostics to the editor, file by file, and only what changed: a file is
 * published when its list differs from the one last sent, a file that no longer has any gets an
 * empty list once, and a file that stops being part of the cluster is cleared. A document open in
 * the editor is published only by the cluster it belongs to, so a directory analysed on its own
 * never overwrites what its cluster says. Files are told apart by path, not by how a URI spells
 * them, since editors and Java escape URIs differently.
 *
 * <p>Used from the analysis thread only; the editor's connection is written to without any lock of
 * the session held.
 */
final class DiagnosticsPublisher {
  private record Sent(ClusterSession from, String uri, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {}

  private final BiConsumer<String, List<org.eclipse.lsp4j.Diagnostic>> client;
  private final BiFunction<Snapshot, Diagnostic, org.eclipse.lsp4j.Diagnostic> converter;
  private final Map<Path, Sent> sent = new HashMap<>();

  DiagnosticsPublisher(BiConsumer<String, List<org.eclipse.lsp4j.Diagnostic>> client,
      BiFunction<Snapshot, Diagnostic, org.eclipse.lsp4j.Diagnostic> converter) {
    this.client = client;
    this.converter = converter;
  }

  /**
   * Publishes what changed in {@code snapshot} of {@code cluster}.
   *
   * @param ownerOf the cluster an open document belongs to ({@code null} for a file not open)
   * @param uriOf the URI the editor knows a file by
   * @param refusalOf why an open document is not analysed, if it is not
   */
  void publish(ClusterSession cluster, Snapshot snapshot, Function<Path, ClusterSession> ownerOf, Function<Path, String> uriOf,
      Function<Path, Optional<Diagnostic>> refusalOf) {
    Map<Path, List<org.eclipse.lsp4j.Diagnostic>> next = new LinkedHashMap<>();
    for (SourceFile document : snapshot.clusterDocuments()) {
      Path file = snapshot.file(document.path());
      if (file != null) {
        next.put(file, new ArrayList<>());
      }
    }
    snapshot.openFiles().forEach(file -> next.putIfAbsent(file, new ArrayList<>()));
    // An open document is published by the cluster it belongs to; a file nobody has open, only by a
    // cluster (a directory analysed alone judges its files by less, and must not clear the cluster's word).
    boolean judgesWhole = snapshot.inCluster();
    next.keySet().removeIf(file -> {
      ClusterSession owner = ownerOf.apply(file);
      return owner == null ? !judgesWhole && !snapshot.crashed() : owner != cluster;
    });
    for (Diagnostic diagnostic : snapshot.diagnostics()) {
      List<org.eclipse.lsp4j.Diagnostic> list = next.get(snapshot.file(diagnostic.span().file().path()));
      if (list != null) {
        list.add(converter.apply(snapshot, diagnostic));
      }
    }
    for (Path file : next.keySet()) {
      refusalOf.apply(file).ifPresent(refusal -> next.put(file, List.of(converter.apply(snapshot, refusal))));
    }
    next.forEach((file, diagnostics) -> {
      Sent before = sent.get(file);
      if (before == null || !before.diagnostics().equals(diagnostics)) {
        String uri = uriOf.apply(file);
        client.accept(uri, diagnostics);
        sent.put(file, new Sent(cluster, uri, diagnostics));
      } else if (before.from() != cluster) {
        sent.put(file, new Sent(cluster, before.uri(), diagnostics));
      }
    });
    if (!snapshot.crashed()) {
      clear(cluster, next::containsKey);
    }
  }

  /** Clears every file {@code cluster} published: the editor closed its last document of it. */
  void withdraw(ClusterSession cluster) {
    clear(cluster, file -> false);
  }

  private void clear(ClusterSession cluster, java.util.function.Predicate<Path> keep) {
    for (Iterator<Map.Entry<Path, Sent>> entries = sent.entrySet().iterator(); entries.hasNext(); ) {
      Map.Entry<Path, Sent> entry = entries.next();
      if (entry.getValue().from() == cluster && !keep.test(entry.getKey())) {
        if (!entry.getValue().diagnostics().isEmpty()) {
          client.accept(entry.getValue().uri(), List.of());
        }
        entries.remove();
      }
    }
  }
}
