package dev.clusterc.compiler.emit.network;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.model.Vip;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Talos machine-config patch of a {@code vip … via talos}: Talos floats the shared address over
 * its control-plane nodes from {@code machine.network.interfaces[].vip.ip}, with no Kubernetes object.
 *
 * <p>The interface is {@code interface} when written; otherwise the patch selects the node's physical
 * links ({@code deviceSelector: {physical: true}}), which fits single-NIC nodes: nodes with several
 * NICs should name one. With {@code on control-plane} there is one patch for every control-plane node
 * ({@code patches/controller/}); with {@code on [NODE…]} one per listed node
 * ({@code patches/nodes/NODE/}), since the patch only means something on the nodes that share the address.
 */
final class TalosVipPatch {
  private TalosVipPatch() {}

  /** Path under {@code talos/} → patch text. */
  static Map<String, String> files(Vip vip, EmitContext context) {
    String text = text(vip, context);
    String name = vip.decl().name();
    Map<String, String> files = new TreeMap<>();
    if (vip.on().isEmpty()) {
      files.put("patches/controller/vip-" + name + ".yaml", text);
    } else {
      for (Decl node : vip.on()) {
        files.put("patches/nodes/" + node.name() + "/vip-" + name + ".yaml", text);
      }
    }
    return files;
  }

  /** The patch: a comment naming the declaration, then {@code machine.network.interfaces}. */
  static String text(Vip vip, EmitContext context) {
    Map<String, Object> link = map(
        "interface", vip.networkInterface(),
        "deviceSelector", vip.networkInterface() == null ? map("physical", true) : null,
        "vip", map("ip", vip.address() == null ? "" : vip.address().toString()));
    Map<String, Object> patch = map("machine", map("network", map("interfaces", list(link))));
    return "# " + vip.decl().label() + " (" + context.source(vip.decl().site()) + "), written by clusterc\n"
        + YamlWriter.toYaml(patch);
  }
}
