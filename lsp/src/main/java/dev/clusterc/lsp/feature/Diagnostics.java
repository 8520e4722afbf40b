package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Severity;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;

/**
 * A compiler diagnostic as the editor shows it: the stable code ({@code quorum}), the message with
 * the hint on a line of its own (the protocol has no field for a hint), and the related places as
 * related information, which editors list under the message and link to.
 */
public final class Diagnostics {
  /** The {@code source} editors print before a message. */
  public static final String SOURCE = "clusterc";

  private Diagnostics() {}

  public static org.eclipse.lsp4j.Diagnostic toLsp(Snapshot snapshot, Diagnostic diagnostic) {
    String message = diagnostic.hint() == null ? diagnostic.message() : diagnostic.message() + "\nhint: " + diagnostic.hint();
    var converted = new org.eclipse.lsp4j.Diagnostic(Ranges.range(diagnostic.span()), message,
        diagnostic.severity() == Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, SOURCE,
        diagnostic.code().id());
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Diagnostic.Related place : diagnostic.related()) {
      snapshot.location(place.span()).ifPresent(l -> related.add(new DiagnosticRelatedInformation(l, place.message())));
    }
    if (!related.isEmpty()) {
      converted.setRelatedInformation(related);
    }
    if (diagnostic.code() == Code.UNUSED_ALLOW) {
      converted.setTags(List.of(DiagnosticTag.Unnecessary));
    }
    return converted;
  }
}
