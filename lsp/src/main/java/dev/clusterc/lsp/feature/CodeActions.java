package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Quick fixes for the diagnostics in the requested range, all from the compiler: each diagnostic's
 * own fixes (a did-you-mean, the missing {@code use}, {@code backup …}, the next control-plane
 * node), the first of them preferred unless it decides for the user ({@code backup none}), then "accept with {@code allow [CODE] because …}" for a
 * finding the language lets {@code allow} accept. Edits are laid out as {@code clusterc fmt} would
 * in a file that is formatted already (laid out here, once per fix shown: the compiler's fixes are
 * plain edits). Each action carries the diagnostic it fixes, as
 * the editor published it when it sent it back.
 */
public final class CodeActions {
  private CodeActions() {}

  public static List<CodeAction> actions(Snapshot snapshot, CodeActionParams params, CancelChecker cancel) {
    String uri = params.getTextDocument().getUri();
    Optional<String> path = snapshot.path(uri);
    Optional<SourceFile> file = snapshot.document(uri);
    Optional<Analysis> analysis = snapshot.analysis();
    if (path.isEmpty() || file.isEmpty() || analysis.isEmpty() || !quickFixesWanted(params)) {
      return List.of();
    }
    SourceSpan range = Ranges.span(file.get(), params.getRange());
    List<CodeAction> actions = new ArrayList<>();
    for (Diagnostic diagnostic : snapshot.diagnostics()) {
      if (!diagnostic.span().file().path().equals(path.get()) || !touches(diagnostic.span(), range)) {
        continue;
      }
      cancel.checkCanceled();
      org.eclipse.lsp4j.Diagnostic shown = asSent(snapshot, params, diagnostic);
      boolean first = true;
      for (Fix fix : diagnostic.fixes()) {
        cancel.checkCanceled();
        Optional<CodeAction> action = action(snapshot, analysis.get(), fix, shown);
        if (action.isPresent()) {
          action.get().setIsPreferred(first && !fix.decision());
          first = false;
          actions.add(action.get());
        }
      }
      cancel.checkCanceled();
      analysis.get().acceptFix(diagnostic).flatMap(fix -> action(snapshot, analysis.get(), fix, shown)).ifPresent(actions::add);
    }
    return actions;
  }

  /** Whether the client asked for quick fixes (it asks for every kind when {@code only} is absent). */
  private static boolean quickFixesWanted(CodeActionParams params) {
    List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
    return only == null || only.isEmpty()
        || only.stream().anyMatch(kind -> CodeActionKind.QuickFix.equals(kind) || CodeActionKind.QuickFix.startsWith(kind + "."));
  }

  /** Whether a diagnostic lies in or touches the range (a cursor at its end counts). */
  private static boolean touches(SourceSpan span, SourceSpan range) {
    return span.start() <= range.end() && range.start() <= span.end();
  }

  /**
   * The diagnostic as the client sent it back in the context (same range, code and message; two
   * apps taking one finding from a template share range and code), else as we publish it.
   */
  private static org.eclipse.lsp4j.Diagnostic asSent(Snapshot snapshot, CodeActionParams params, Diagnostic diagnostic) {
    org.eclipse.lsp4j.Diagnostic published = Diagnostics.toLsp(snapshot, diagnostic);
    if (params.getContext() != null && params.getContext().getDiagnostics() != null) {
      for (org.eclipse.lsp4j.Diagnostic sent : params.getContext().getDiagnostics()) {
        if (Objects.equals(sent.getRange(), published.getRange()) && Objects.equals(sent.getCode(), published.getCode())
            && Objects.equals(sent.getMessage(), published.getMessage())) {
          return sent;
        }
      }
    }
    return published;
  }

  /** A fix as a quick fix; empty when one of its files has no URI (which a cluster's own file always has). */
  private static Optional<CodeAction> action(Snapshot snapshot, Analysis analysis, Fix fix, org.eclipse.lsp4j.Diagnostic diagnostic) {
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (dev.clusterc.compiler.diag.TextEdit edit : analysis.laidOut(fix).edits()) {
      Optional<String> target = snapshot.uri(edit.span().file().path());
      if (target.isEmpty()) {
        return Optional.empty();
      }
      changes.computeIfAbsent(target.get(), u -> new ArrayList<>()).add(new TextEdit(Ranges.range(edit.span()), edit.newText()));
    }
    CodeAction action = new CodeAction(fix.title());
    action.setKind(CodeActionKind.QuickFix);
    action.setDiagnostics(List.of(diagnostic));
    action.setEdit(new WorkspaceEdit(changes));
    action.setIsPreferred(false);
    return Optional.of(action);
  }
}
