package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppMount;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code rwo-shared}: a read-write-once volume (the default access) is attached to one node, so one
 * pod can mount it: not two apps, and not an app with more than one replica.
 */
public final class VolumeSharingChecker implements Checker {
  /** An app's first mount of a volume: the volume reference as the app wrote it. */
  private record Mount(App app, Typed.Ref volume) {}

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Map<Decl, List<Mount>> mounts = new LinkedHashMap<>();
    Set<List<Decl>> mounted = new HashSet<>();
    for (Decl decl : program.decls(Kind.APP)) {
      App app = App.of(program.model(), decl);
      for (AppMount mount : app.mounts()) {
        if (mount.target() != null) {
          List<Mount> of = mounts.computeIfAbsent(mount.target(), v -> new ArrayList<>());
          if (mounted.add(List.of(decl, mount.target()))) {
            of.add(new Mount(app, mount.volume()));
          }
        }
      }
    }
    mounts.forEach((volume, of) -> {
      if (Volume.of(program.model(), volume).access() == Volume.Access.RWO) {
        shared(program, volume, of, report);
        of.forEach(m -> replicated(program, volume, m, report));
      }
    });
  }

  private void shared(Program program, Decl volume, List<Mount> of, Consumer<Diagnostic> report) {
    Mount first = of.get(0);
    Decl firstApp = first.app().decl();
    for (Mount other : of.subList(1, of.size())) {
      Decl otherApp = other.app().decl();
      report.accept(Sites.placed(program, otherApp, Diagnostic.error(Code.RWO_SHARED, other.volume().span(),
              volume.label() + " is rwo but mounted by " + firstApp.name() + " and " + otherApp.name())
          .withHint("use `access rwx` (with a storage class that supports it), or mount it from one app")
          .withRelated(Sites.editable(program, firstApp, first.volume().span()), firstApp.label() + " mounts it here")));
    }
  }

  private void replicated(Program program, Decl volume, Mount mount, Consumer<Diagnostic> report) {
    long replicas = mount.app().replicas();
    if (replicas <= 1) {
      return;
    }
    Decl app = mount.app().decl();
    boolean local = Volume.of(program.model(), volume).isLocal();
    Diagnostic diagnostic = Diagnostic.error(Code.RWO_SHARED, mount.volume().span(),
            volume.label() + " is rwo but mounted by " + app.name() + " with " + replicas + " replicas")
        .withHint(local
            ? "a local volume lives on one node: run `replicas 1`"
            : "run `replicas 1`, or use `access rwx` with a storage class that supports it");
    if (mount.app().replicasSpan() != null) {
      diagnostic = diagnostic.withRelated(Sites.editable(program, app, mount.app().replicasSpan()),
          app.label() + " asks for " + replicas + " replicas here");
    }
    report.accept(Sites.placed(program, app, diagnostic));
  }
}
