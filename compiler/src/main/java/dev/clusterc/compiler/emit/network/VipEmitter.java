package dev.clusterc.compiler.emit.network;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.model.Vip;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code vip}: the control-plane virtual IP.
 *
 * <ul>
 *   <li>{@code via kube-vip} (the default): the kube-vip DaemonSet with its ServiceAccount and RBAC in
 *   {@code kube-system} ({@link KubeVipManifests});</li>
 *   <li>{@code via talos}: nothing in Kubernetes; Talos floats the address itself from a machine-config
 *   patch, which {@link #talosPatches} gives to the layout writer ({@link TalosVipPatch}).</li>
 * </ul>
 */
public final class VipEmitter implements Emitter {

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    if (Vip.of(context.program().model(), decl).viaTalos()) {
      return;
    }
    KubeVipManifests.addTo(unit, decl, context);
  }

  /**
   * The Talos machine-config patches of every {@code vip … via talos}: a path under {@code talos/}
   * ({@code patches/controller/vip-NAME.yaml}, or {@code patches/nodes/NODE/vip-NAME.yaml} per node
   * of {@code on [NODE…]}) → the patch's YAML, sorted by path.
   */
  public static Map<String, String> talosPatches(Program program) {
    Map<String, String> patches = new TreeMap<>();
    EmitContext context = new EmitContext(program);
    for (Decl decl : program.decls(Kind.VIP)) {
      Vip vip = Vip.of(program.model(), decl);
      if (vip.viaTalos()) {
        patches.putAll(TalosVipPatch.files(vip, context));
      }
    }
    return patches;
  }
}
