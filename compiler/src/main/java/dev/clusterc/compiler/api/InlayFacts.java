package dev.clusterc.compiler.api;

import dev.clusterc.compiler.api.InlayFact.Sort;
import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.storage.VolumeClaims;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppRoute;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.Dns;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The inlay facts of one document, read from the lowered model: per declaration, at the end of its
 * first line, the hosts it gets from a template, the defaults that decide where and how it runs
 * (namespace, replicas, a {@code local} volume's storage class) when neither it nor its template
 * writes them, and its layer; after a route host written with {@code ${…}}, the host it becomes.
 * Only facts that tell something: defaults every declaration of a kind shares silently (an app's
 * {@code spread}, the cluster's default storage class of a volume or database without
 * {@code class}) are left out, and a value a template writes is written, not a default.
 */
final class InlayFacts {

  private final Program program;
  private final Namespaces namespaces;

  InlayFacts(Program program) {
    this.program = program;
    this.namespaces = new Namespaces(program.model());
  }

  /** The facts of the document at {@code path}, in text order. */
  List<InlayFact> of(String path) {
    List<InlayFact> facts = new ArrayList<>();
    for (Decl decl : program.decls()) {
      SourceSpan own = ownText(decl);
      if (own == null || !own.file().path().equals(path)) {
        continue;
      }
      SourceSpan anchor = endOfFirstLine(own);
      if (!decl.isStd()) {
        declared(decl, own, anchor, facts);
      } else {
        facts.add(new InlayFact(anchor, "namespace: " + Component.of(program.model(), decl).namespace(), Sort.DEFAULT));
      }
      if (decl.layer() != null) {
        facts.add(new InlayFact(anchor, "layer: " + decl.layer(), Sort.LAYER));
      }
    }
    facts.sort(Comparator.comparingInt(f -> f.at().start()));
    return facts;
  }

  private void declared(Decl decl, SourceSpan own, SourceSpan anchor, List<InlayFact> facts) {
    BoundBlock body = decl.body();
    if (body == null) {
      return;
    }
    switch (decl.kind()) {
      case APP -> {
        App app = App.of(program.model(), decl);
        for (AppRoute route : app.routes()) {
          if (route.host() == null) {
            continue;
          }
          if (!within(route.span(), own)) {
            facts.add(new InlayFact(anchor, "route: " + route.host().value(), Sort.HOST));
          } else if (route.host().span().text().contains("${")) {
            facts.add(new InlayFact(SourceSpan.at(own.file(), route.host().span().end()), "= " + route.host().value(), Sort.HOST));
          }
        }
        if (!writtenIn(body, "namespace", own)) {
          facts.add(new InlayFact(anchor, "namespace: " + app.namespace(), Sort.DEFAULT));
        }
        if (body.all("replicas").isEmpty()) {
          facts.add(new InlayFact(anchor, "replicas: " + app.replicas(), Sort.DEFAULT));
        }
      }
      case VOLUME -> {
        Volume volume = Volume.of(program.model(), decl);
        if (!writtenIn(body, "namespace", own)) {
          facts.add(new InlayFact(anchor, "namespace: " + namespaces.of(decl), Sort.DEFAULT));
        }
        if (volume.storageClass() == null && volume.isLocal()) {
          facts.add(new InlayFact(anchor, "class: " + VolumeClaims.storageClass(volume), Sort.DEFAULT));
        }
      }
      case DATABASE -> {
        if (!writtenIn(body, "namespace", own)) {
          facts.add(new InlayFact(anchor, "namespace: " + namespaces.of(decl), Sort.DEFAULT));
        }
      }
      case DNS -> {
        String zone = Dns.of(program.model(), decl).zone();
        if (!writtenIn(body, "zone", own) && !zone.isEmpty()) {
          facts.add(new InlayFact(anchor, "zone: " + zone, Sort.HOST));
        }
      }
      case COMPONENT -> {
        if (!writtenIn(body, "namespace", own)) {
          facts.add(new InlayFact(anchor, "namespace: " + Component.of(program.model(), decl).namespace(), Sort.DEFAULT));
        }
      }
      default -> {
      }
    }
  }

  /** The text the user wrote for a declaration: its own, or the {@code use} of a std component; {@code null} when none. */
  private static SourceSpan ownText(Decl decl) {
    if (decl.isStd()) {
      return decl.use() == null ? null : decl.use().span();
    }
    return decl.source() == null ? null : decl.source().span();
  }

  /** Whether {@code key} is written in the declaration's own text (not only in its template). */
  private static boolean writtenIn(BoundBlock body, String key, SourceSpan own) {
    return body.all(key).stream().anyMatch(e -> within(e.entry().span(), own));
  }

  private static boolean within(SourceSpan span, SourceSpan extent) {
    return span.file().path().equals(extent.file().path()) && extent.start() <= span.start() && span.end() <= extent.end();
  }

  /** An empty span at the end of the first line of {@code span} (its end, if it is one line). */
  private static SourceSpan endOfFirstLine(SourceSpan span) {
    SourceFile file = span.file();
    String text = file.text();
    int lineEnd = text.indexOf('\n', span.start());
    int end = lineEnd < 0 || lineEnd > span.end() ? span.end() : lineEnd;
    while (end > span.start() && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return SourceSpan.at(file, end);
  }
}
