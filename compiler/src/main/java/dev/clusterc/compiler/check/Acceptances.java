package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Severity;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code allow [CODE…] because "REASON"}: the user accepts a finding on one declaration, knowing
 * what it costs. Applied once, after every checker, to everything the front end found, so that no
 * checker needs to know about it.
 *
 * <p>An accepted finding is never silenced: an error becomes a warning, a warning stays one, and
 * both keep their message (what the finding costs) with {@code (accepted: REASON)} after it and a
 * note at the {@code allow}. A compile is then no longer refused, and every {@code check} still
 * says what was accepted and why.
 *
 * <p>Which findings an {@code allow} covers: on {@code cluster}, every finding of its codes in the
 * cluster (a cluster-wide decision, such as how many control planes to run, is the cluster's); on
 * any other declaration, the findings whose place, or one of whose notes, lies in that
 * declaration (the {@code use} line for a standard-library component). The quorum finding is
 * placed at the first control plane with a note at each other one, so {@code allow [quorum]} works
 * on the cluster and on every control-plane node.
 *
 * <p>Only {@linkplain Code#acceptable() acceptable} codes may be listed: a malformed source or a
 * contradiction the output cannot honour is an error to fix. An unknown code gets a did-you-mean;
 * a code that accepts nothing is reported as {@code unused-allow}, so that stale acceptances do not
 * outlive the finding they were written for.
 */
public final class Acceptances {
  /** How the note at the {@code allow} begins, on every accepted finding. */
  private static final String ACCEPTED_HERE = "accepted here by ";

  private Acceptances() {}

  /** Whether {@code diagnostic} is a finding some {@code allow} accepted already. */
  public static boolean isAccepted(Diagnostic diagnostic) {
    return diagnostic.related().stream().anyMatch(r -> r.message().startsWith(ACCEPTED_HERE));
  }

  /** One code of one {@code allow} entry. */
  private record Acceptance(Decl decl, Code code, SourceSpan codeSpan, SourceSpan entry, String reason) {}

  /** The diagnostics with accepted findings turned into warnings, and what the {@code allow} entries themselves got wrong. */
  public static List<Diagnostic> apply(Program program, List<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>();
    List<Acceptance> acceptances = new ArrayList<>();
    for (Decl decl : program.decls()) {
      for (BoundEntry entry : entries(decl)) {
        read(decl, entry, acceptances, out);
      }
    }
    Set<Acceptance> used = new LinkedHashSet<>();
    for (Diagnostic diagnostic : diagnostics) {
      List<Acceptance> covering = acceptances.stream().filter(a -> covers(a, diagnostic)).toList();
      used.addAll(covering);
      Optional<Acceptance> chosen = covering.stream().filter(a -> a.decl().kind() != Kind.CLUSTER).findFirst()
          .or(() -> covering.stream().findFirst());
      out.add(chosen.map(a -> accepted(diagnostic, a)).orElse(diagnostic));
    }
    for (Acceptance acceptance : acceptances) {
      if (!used.contains(acceptance)) {
        out.add(Diagnostic.warning(Code.UNUSED_ALLOW, acceptance.codeSpan(),
                "`allow [" + acceptance.code().id() + "]` on " + acceptance.decl().label() + " accepts nothing: no "
                    + acceptance.code().id() + " finding is reported " + (acceptance.decl().kind() == Kind.CLUSTER
                    ? "in the cluster" : "in " + acceptance.decl().label()))
            .withHint("remove `" + acceptance.code().id() + "` from the list: what it accepted is gone (or never was here)"));
      }
    }
    return out;
  }

  /** The {@code allow} entries of a declaration, and of the {@code use} that turned a std component on. */
  private static List<BoundEntry> entries(Decl decl) {
    List<BoundEntry> entries = new ArrayList<>();
    if (decl.body() != null && !decl.isStd()) {
      entries.addAll(decl.body().all(Schemas.ALLOW));
    }
    BoundBlock useBody = decl.useBody();
    if (useBody != null) {
      entries.addAll(useBody.all(Schemas.ALLOW));
    }
    return entries;
  }

  private static void read(Decl decl, BoundEntry entry, List<Acceptance> acceptances, List<Diagnostic> out) {
    Optional<String> reason = entry.str("reason");
    Optional<Typed> codes = entry.get("codes");
    if (reason.isEmpty() || codes.isEmpty() || !(codes.get() instanceof Typed.Items items)) {
      return; // did not bind: already reported
    }
    if (reason.get().isBlank()) {
      out.add(Diagnostic.error(Code.INVALID_VALUE, entry.get("reason").get().span(), "`allow` needs a reason, and this one is empty")
          .withHint("say why the cost is accepted, e.g. `because \"two control planes; backups cover the loss\"`"));
      return;
    }
    if (items.items().isEmpty()) {
      out.add(Diagnostic.error(Code.INVALID_VALUE, items.span(), "`allow` lists no code")
          .withHint("name the findings to accept, e.g. `allow [quorum] because \"…\"`"));
    }
    for (Typed item : items.items()) {
      if (!(item instanceof Typed.Sym sym)) {
        continue;
      }
      Optional<Code> code = Arrays.stream(Code.values()).filter(c -> c.id().equals(sym.value())).findFirst();
      if (code.isEmpty()) {
        out.add(Diagnostic.error(Code.INVALID_VALUE, sym.span(), "`" + sym.value() + "` is no diagnostic code")
            .withSuggestion(sym.value(), acceptableIds(), "the codes `allow` accepts: " + String.join(", ", acceptableIds())));
      } else if (!code.get().acceptable()) {
        out.add(Diagnostic.error(Code.INVALID_VALUE, sym.span(),
                "`" + sym.value() + "` cannot be accepted: it reports a source to correct, not a risk the cluster can run with")
            .withHint("fix what it reports; `allow` accepts only " + String.join(", ", acceptableIds())));
      } else {
        acceptances.add(new Acceptance(decl, code.get(), sym.span(), entry.entry().span(), reason.get()));
      }
    }
  }

  private static List<String> acceptableIds() {
    return Arrays.stream(Code.values()).filter(Code::acceptable).map(Code::id).toList();
  }

  private static boolean covers(Acceptance acceptance, Diagnostic diagnostic) {
    if (acceptance.code() != diagnostic.code()) {
      return false;
    }
    if (acceptance.decl().kind() == Kind.CLUSTER) {
      return true;
    }
    SourceSpan extent = extent(acceptance.decl());
    return within(diagnostic.span(), extent) || diagnostic.related().stream().anyMatch(r -> within(r.span(), extent));
  }

  /** The text of a declaration: the {@code use} line (with its block) for a standard-library component. */
  private static SourceSpan extent(Decl decl) {
    return decl.isStd() && decl.use() != null ? decl.use().span() : decl.source().span();
  }

  private static boolean within(SourceSpan span, SourceSpan extent) {
    return span.file().path().equals(extent.file().path()) && extent.start() <= span.start() && span.end() <= extent.end();
  }

  private static Diagnostic accepted(Diagnostic diagnostic, Acceptance acceptance) {
    Diagnostic warning = new Diagnostic(Severity.WARNING, diagnostic.code(), diagnostic.span(),
        diagnostic.message() + " (accepted: " + acceptance.reason() + ")", diagnostic.hint(), diagnostic.related(),
        diagnostic.fixes());
    return warning.withRelated(acceptance.entry(), ACCEPTED_HERE + acceptance.decl().label());
  }
}
