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
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code local-volume-unpinned}: a {@code local NODE at PATH} volume lives on one node, and the
 * compiler pins the apps that mount it there; an app whose {@code on [...]} names another node, or
 * that mounts local volumes of two nodes, could be scheduled where its data is not. Also the
 * {@code invalid-value} of a volume that replicates to the node it lives on.
 */
public final class LocalVolumeChecker implements Checker {
  /** A mount of a local volume: the reference as written, the volume, and the node it lives on. */
  private record LocalMount(Typed.Ref ref, Decl volume, Typed.Ref node) {}

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl volume : program.decls(Kind.VOLUME)) {
      replicateToSelf(program, volume, report);
    }
    for (Decl app : program.decls(Kind.APP)) {
      App lowered = App.of(program.model(), app);
      List<LocalMount> locals = localMounts(program, lowered);
      if (locals.isEmpty()) {
        continue;
      }
      LocalMount first = locals.get(0);
      boolean split = false;
      for (LocalMount other : locals) {
        if (other.node().target() != first.node().target()) {
          split = true;
          report.accept(Sites.placed(program, app, Diagnostic.error(Code.LOCAL_VOLUME_UNPINNED, other.ref().span(),
                  app.label() + " mounts " + first.volume().label() + " on node " + first.node().name() + " and "
                      + other.volume().label() + " on node " + other.node().name() + ", but its pod runs on one node")
              .withHint("keep the local volumes of one app on one node")
              .withRelated(Sites.editable(program, app, first.ref().span()), first.volume().label() + " is mounted here")));
        }
      }
      if (!split) {
        onOtherNodes(program, lowered, first, report);
      }
    }
  }

  private void replicateToSelf(Program program, Decl volume, Consumer<Diagnostic> report) {
    Volume lowered = Volume.of(program.model(), volume);
    Typed.Ref local = resolved(lowered.local() == null ? null : lowered.local().node());
    Typed.Ref replica = resolved(lowered.replica() == null ? null : lowered.replica().node());
    if (local != null && replica != null && local.target() == replica.target()) {
      report.accept(Sites.placed(program, volume, Diagnostic.error(Code.INVALID_VALUE, replica.span(),
              volume.label() + " replicates to node " + replica.name() + ", the node it lives on")
          .withHint("replicate to another node, so that a copy survives losing " + local.name())
          .withRelated(Sites.editable(program, volume, local.span()), volume.label() + " lives on " + local.name() + " here")));
    }
  }

  /** An app's {@code on [...]} naming nodes other than the one its local volumes live on. */
  private void onOtherNodes(Program program, App lowered, LocalMount local, Consumer<Diagnostic> report) {
    Decl app = lowered.decl();
    List<Typed.Ref> others = new ArrayList<>();
    boolean includesHome = false;
    for (Typed.Ref ref : lowered.on()) {
      if (ref.target() == local.node().target()) {
        includesHome = true;
      } else {
        others.add(ref);
      }
    }
    if (others.isEmpty()) {
      return;
    }
    String names = String.join(", ", others.stream().map(Typed.Ref::name).toList());
    String message = includesHome
        ? app.label() + " may also run on " + names + ", but " + local.volume().label() + " lives on " + local.node().name()
        : app.label() + " may only run on " + names + ", but " + local.volume().label() + " lives on " + local.node().name();
    report.accept(Sites.placed(program, app, Diagnostic.error(Code.LOCAL_VOLUME_UNPINNED, others.get(0).span(), message)
        .withHint("write `on [" + local.node().name() + "]`, or drop `on`: the compiler pins the app to " + local.node().name())
        .withRelated(Sites.editable(program, local.volume(), local.node().span()), local.volume().label() + " lives on " + local.node().name() + " here")));
  }

  private static List<LocalMount> localMounts(Program program, App app) {
    List<LocalMount> locals = new ArrayList<>();
    for (AppMount mount : app.mounts()) {
      if (mount.target() != null) {
        Volume volume = Volume.of(program.model(), mount.target());
        Typed.Ref node = resolved(volume.local() == null ? null : volume.local().node());
        if (node != null) {
          locals.add(new LocalMount(mount.volume(), mount.target(), node));
        }
      }
    }
    return locals;
  }

  /** A node reference of a volume ({@code local NODE at …}, {@code replicate to NODE …}) when it resolved, else {@code null}. */
  private static Typed.Ref resolved(Typed.Ref node) {
    return node != null && node.target() != null ? node : null;
  }
}
