package dev.clusterc.compiler.api;

import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * The answer to "rename the name at this position": either what would be renamed (and, once a new
 * name is given, the edits across the files), or why it may not be. A rename is refused rather than
 * allowed to change what the cluster means: after its edits the cluster checks as before, with the
 * new name in place of the old.
 */
public sealed interface Renaming {

  /**
   * The name can be renamed.
   *
   * @param symbol what the name refers to
   * @param name the name under the cursor (without a parameter's {@code $}), for the editor to select
   * @param edits every occurrence replaced by the new name, sorted by file and offset; empty when no
   *     new name was given or it is the old one. A database's name gains {@code as PREFIX} where an
   *     app reads it without one, so that the app's environment stays as it was
   * @param consequences what the rename does to a running cluster beyond new names, one sentence each:
   *     live objects that are replaced and whose data does not follow (a volume's claim, a database's
   *     cluster, the claims of volumes that move to another namespace); an editor asks before applying
   */
  record Allowed(Symbol symbol, SourceSpan name, List<TextEdit> edits, List<String> consequences) implements Renaming {
    public Allowed {
      edits = List.copyOf(edits);
      consequences = List.copyOf(consequences);
    }
  }

  /** The name cannot be renamed (to that new name): {@code reason} is a sentence for the user. */
  record Refused(String reason) implements Renaming {}
}
