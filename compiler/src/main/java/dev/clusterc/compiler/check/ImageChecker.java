package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Hostnames;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code image-unpinned}: an image without a tag or digest, or tagged {@code latest}, changes under
 * the cluster, so the same sources no longer give the same workloads. In
 * {@code [registry[:port]/]path[:tag][@digest]} a {@code :} before the last {@code /} is a
 * registry port, not a tag.
 */
public final class ImageChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl app : program.decls(Kind.APP)) {
      Optional.ofNullable(App.of(program.model(), app).image()).ifPresent(image -> {
        String reference = image.value().trim();
        if (reference.isEmpty() || Hostnames.unresolved(reference) || reference.contains("@")) {
          return;
        }
        String tag = tag(reference);
        if (tag == null || tag.isEmpty()) {
          report.accept(Sites.placed(program, app, Diagnostic.warning(Code.IMAGE_UNPINNED, image.span(),
                  "image `" + reference + "` of " + app.label() + " has no tag or digest")
              .withHint("pin a version (`" + reference + ":1.2.3`) or a digest (`" + reference + "@sha256:…`)")));
        } else if (tag.equalsIgnoreCase("latest")) {
          String repository = reference.substring(0, reference.length() - tag.length() - 1);
          report.accept(Sites.placed(program, app, Diagnostic.warning(Code.IMAGE_UNPINNED, image.span(),
                  "image `" + reference + "` of " + app.label() + " is tagged `latest`, which moves")
              .withHint("pin a version (`" + repository + ":1.2.3`) or a digest (`" + repository + "@sha256:…`)")));
        }
      });
    }
  }

  /** The tag of an image reference without a digest, or {@code null}. */
  static String tag(String reference) {
    String last = reference.substring(reference.lastIndexOf('/') + 1);
    int colon = last.indexOf(':');
    return colon < 0 ? null : last.substring(colon + 1);
  }
}
