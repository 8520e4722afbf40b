package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Decl;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.program.TreePath;
import java.util.function.Consumer;

/**
 * {@code invalid-value}: the gitops {@code path} is where {@code compile -o DIR} writes the tree
 * and where the Flux Kustomizations look for it, so it must be a plain directory inside the
 * repository — not absolute, no {@code .}, {@code ..} or empty segment. Caught here, {@code check}
 * reports it at the entry instead of {@code compile} refusing the output.
 */
public final class GitopsPathChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Decl cluster = program.cluster().orElse(null);
    if (cluster == null || cluster.body() == null) {
      return;
    }
    cluster.body().first("gitops").map(e -> e.block()).flatMap(b -> b.typed("path", Typed.Str.class)).ifPresent(path -> {
      String problem = TreePath.problem(TreePath.normalize(path.value()));
      if (problem != null) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, path.span(), "gitops path `" + path.value().replace('\0', '?')
                + "` is not a directory inside the repository: " + problem)
            .withHint("write it relative to the repository's root, such as \"clusters/" + cluster.name() + "\""));
      }
    });
  }
}
