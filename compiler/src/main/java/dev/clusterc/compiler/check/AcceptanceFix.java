package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Insertions;
import java.util.List;
import java.util.Optional;

/**
 * The edit that accepts a finding ({@link Acceptances}): {@code allow [CODE] because "…"} in the
 * declaration the finding is reported in (in the {@code use} block for a standard-library
 * component); for a finding a template made, whose place lies in the template, in the declaration
 * a note points at ("app a takes this from template …"), which {@link Acceptances} covers too; in
 * the {@code cluster} for a cluster-wide finding ({@code quorum}) and, as a last resort, for one
 * that lies in no declaration — its title then says that it accepts every finding of the code in
 * the cluster. The reason is a placeholder for the user to replace. The edit is plain, as the
 * checkers' are: an editor lays it out as {@code fmt} would ({@code Documents.laidOut}). Not
 * attached to the diagnostics themselves: accepting keeps the finding (as a warning that says it
 * was accepted), so it is no fix in the sense of {@link Diagnostic#fixes()}, and an editor asks
 * for it on demand.
 */
public final class AcceptanceFix {
  /** The reason the inserted {@code allow} gives until the user writes theirs. */
  public static final String PLACEHOLDER_REASON = "say why this cost is acceptable";

  private AcceptanceFix() {}

  /**
   * The fix accepting {@code diagnostic}, when its code is {@linkplain Code#acceptable() acceptable},
   * it is not accepted yet, and there is a closed block without a syntax error (or no block at all)
   * to write the {@code allow} in.
   */
  public static Optional<Fix> of(Program program, Diagnostic diagnostic) {
    if (!diagnostic.code().acceptable() || Acceptances.isAccepted(diagnostic)) {
      return Optional.empty();
    }
    Optional<Decl> owner = diagnostic.code() == Code.QUORUM ? Optional.empty() : owner(program, diagnostic);
    Optional<Decl> target = owner.or(program::cluster);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Decl decl = target.get();
    SourceSpan item = decl.isStd() ? decl.use().span() : decl.source().span();
    if (brokenIn(program, item)) {
      return Optional.empty();
    }
    String entry = "allow [" + diagnostic.code().id() + "] because \"" + PLACEHOLDER_REASON + "\"";
    Optional<TextEdit> edit = decl.isStd() ? inBlock(decl.use().body(), decl.use().span(), entry)
        : inBlock(decl.source().body(), decl.source().span(), entry);
    String id = diagnostic.code().id();
    String title = owner.isEmpty() && diagnostic.code() != Code.QUORUM
        ? "accept every `" + id + "` finding of the cluster with `allow [" + id + "] because …` on " + decl.label()
        : "accept with `allow [" + id + "] because …` on " + decl.label();
    return edit.map(e -> new Fix(title, List.of(e)));
  }

  /**
   * The declaration the finding is in: the one holding its place, else the first one holding the
   * place of one of its notes (a template's finding notes the declaration that expanded it).
   */
  private static Optional<Decl> owner(Program program, Diagnostic diagnostic) {
    Optional<Decl> found = owner(program, diagnostic.span());
    for (int i = 0; found.isEmpty() && i < diagnostic.related().size(); i++) {
      found = owner(program, diagnostic.related().get(i).span());
    }
    return found;
  }

  /** The declaration of the sources whose text holds {@code span} (a std component's: its {@code use}), not the cluster. */
  private static Optional<Decl> owner(Program program, SourceSpan span) {
    for (Decl decl : program.decls()) {
      if (decl.kind() == Kind.CLUSTER || (decl.isStd() && decl.use() == null)) {
        continue;
      }
      SourceSpan extent = decl.isStd() ? decl.use().span() : decl.source().span();
      if (extent.file().path().equals(span.file().path()) && extent.start() <= span.start() && span.end() <= extent.end()) {
        return Optional.of(decl);
      }
    }
    return Optional.empty();
  }

  /** Whether a syntax error lies in {@code item}: where its block really ends is then a guess. */
  private static boolean brokenIn(Program program, SourceSpan item) {
    return program.units().stream().filter(u -> u.file().path().equals(item.file().path()))
        .flatMap(u -> u.diagnostics().stream())
        .anyMatch(d -> d.code() == Code.SYNTAX && d.span().end() >= item.start() && d.span().start() <= item.end());
  }

  /** The entry at the end of {@code body}, or a new one-entry block after {@code item} when it has none. */
  private static Optional<TextEdit> inBlock(Block body, SourceSpan item, String entry) {
    if (body != null) {
      return Insertions.entry(body, entry);
    }
    return Optional.of(TextEdit.insert(item.file(), item.end(), " { " + entry + " }"));
  }
}
