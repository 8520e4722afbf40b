package dev.clusterc.compiler.emit.network;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.YamlWriter;
import java.util.LinkedHashMap;
import java.util.List;
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
  static Map<String, String> files(Decl vip, EmitContext context) {
    String text = text(vip, context);
    Map<String, String> files = new TreeMap<>();
    List<Decl> nodes = vip.body().first("on").map(e -> e.refs("value")).orElse(List.of());
    if (nodes.isEmpty()) {
      files.put("patches/controller/vip-" + vip.name() + ".yaml", text);
    } else {
      for (Decl node : nodes) {
        files.put("patches/nodes/" + node.name() + "/vip-" + vip.name() + ".yaml", text);
      }
    }
    return files;
  }

  /** The patch: a comment naming the declaration, then {@code machine.network.interfaces}. */
  static String text(Decl vip, EmitContext context) {
    Map<String, Object> link = new LinkedHashMap<>();
    String name = vip.body().str("interface").orElse(null);
    if (name != null) {
      link.put("interface", name);
    } else {
      link.put("deviceSelector", Map.of("physical", true));
    }
    String address = vip.body().typed("address", Typed.Addr.class).map(a -> a.value().toString()).orElse("");
    link.put("vip", Map.of("ip", address));
    Map<String, Object> patch = Map.of("machine", Map.of("network", Map.of("interfaces", List.of(link))));
    return "# " + vip.label() + " (" + context.source(vip.site()) + "), written by clusterc\n"
        + YamlWriter.toYaml(patch);
  }
}
