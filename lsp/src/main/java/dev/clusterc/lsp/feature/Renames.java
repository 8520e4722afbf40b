package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Navigator;
import dev.clusterc.compiler.api.Renaming;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.lsp.workspace.OpenDocument;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Session;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.AnnotatedTextEdit;
import org.eclipse.lsp4j.ChangeAnnotation;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Rename across the cluster's files. The compiler decides what may be renamed and to what
 * ({@link Navigator#rename}): a name that would collide, is no valid name, or would change the
 * standard library is refused, and the editor shows the reason ({@link RequestRefusedException}).
 * The edit names each document's version when the editor takes versioned changes, so that an editor
 * whose text moved on rejects it instead of applying it in the wrong places. A rename that replaces
 * live objects ({@link Renaming.Allowed#consequences}) carries a change annotation that needs
 * confirmation, when the editor takes them; otherwise its edits are plain.
 */
public final class Renames {
  /** The id of the change annotation on the edits of a rename that replaces live objects. */
  static final String REPLACES = "clusterc.rename.replaces";

  private Renames() {}

  /** The name at the position, its range and the text to start from; refused with a reason where nothing can be renamed. */
  public static PrepareRenameResult prepare(Snapshot snapshot, PrepareRenameParams params, CancelChecker cancel) {
    Optional<Navigator> navigator = snapshot.navigator();
    Optional<String> path = snapshot.path(params.getTextDocument().getUri());
    if (navigator.isEmpty() || path.isEmpty()) {
      throw new RequestRefusedException("this document could not be analysed, so nothing in it can be renamed");
    }
    Renaming.Allowed allowed = allowed(navigator.get().renaming(path.get(), Ranges.compiler(params.getPosition())));
    return new PrepareRenameResult(Ranges.range(allowed.name()), allowed.symbol().name());
  }

  /** The edits that rename the name at the position to the new name, in every file; refused with a reason. */
  public static WorkspaceEdit rename(Snapshot snapshot, Session session, RenameParams params, CancelChecker cancel) {
    Optional<Navigator> navigator = snapshot.navigator();
    Optional<String> path = snapshot.path(params.getTextDocument().getUri());
    if (navigator.isEmpty() || path.isEmpty()) {
      throw new RequestRefusedException("this document could not be analysed, so nothing in it can be renamed");
    }
    Position at = Ranges.compiler(params.getPosition());
    Renaming.Allowed allowed = allowed(navigator.get().rename(path.get(), at, params.getNewName()));
    cancel.checkCanceled();
    Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
    Map<String, SourceFile> analysed = new LinkedHashMap<>();
    for (var edit : allowed.edits()) {
      String uri = snapshot.uri(edit.span().file().path()).orElseThrow(() ->
          new RequestRefusedException("the rename would change " + edit.span().file().path() + ", which the editor cannot open"));
      byUri.computeIfAbsent(uri, u -> new ArrayList<>()).add(new TextEdit(Ranges.range(edit.span()), edit.newText()));
      analysed.putIfAbsent(uri, edit.span().file());
    }
    Map<String, Integer> versions = new LinkedHashMap<>();
    analysed.forEach((uri, file) -> versions.put(uri, version(session, uri, file)));
    if (!session.documentChanges()) {
      return new WorkspaceEdit(byUri);
    }
    boolean annotated = !allowed.consequences().isEmpty() && session.changeAnnotations();
    List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
    byUri.forEach((uri, edits) -> changes.add(Either.forLeft(
        new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, versions.get(uri)),
            edits.stream().map(e -> annotated ? new AnnotatedTextEdit(e.getRange(), e.getNewText(), REPLACES) : e)
                .map(Either::<TextEdit, SnippetTextEdit>forLeft).toList()))));
    WorkspaceEdit edit = new WorkspaceEdit(changes);
    edit.setChanges(null);
    if (annotated) {
      edit.setChangeAnnotations(Map.of(REPLACES, replaces(allowed)));
    }
    return edit;
  }

  /**
   * The annotation of a rename that replaces live objects (a volume's claim, a database's cluster):
   * the editor shows what is replaced and asks before applying. It marks every edit of the rename,
   * since applying only some of them would leave names that refer to nothing.
   */
  private static ChangeAnnotation replaces(Renaming.Allowed allowed) {
    ChangeAnnotation annotation = new ChangeAnnotation(String.join("; ", allowed.consequences()));
    annotation.setNeedsConfirmation(true);
    annotation.setDescription("renaming " + allowed.symbol().keyword() + " " + allowed.symbol().name()
        + " replaces objects in the running cluster");
    return annotation;
  }

  /**
   * The version of an open document whose text is the one analysed, or {@code null} for a file that
   * is not open (the editor reads it from disk); refused when the editor's text changed meanwhile.
   */
  private static Integer version(Session session, String uri, SourceFile analysed) {
    Optional<OpenDocument> open = session.document(uri);
    if (open.isEmpty()) {
      return null;
    }
    return open.get().versionOf(analysed.text()).orElseThrow(() ->
        new RequestRefusedException(analysed.path() + " changed while the rename was worked out; rename again"));
  }

  private static Renaming.Allowed allowed(Renaming renaming) {
    if (renaming instanceof Renaming.Refused refused) {
      throw new RequestRefusedException(refused.reason());
    }
    return (Renaming.Allowed) renaming;
  }
}
