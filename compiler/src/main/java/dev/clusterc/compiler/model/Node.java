package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Ipv4;
import java.util.List;

/**
 * {@code node}, lowered: a machine of the cluster, its role and its address on the node network.
 *
 * @param role {@code control-plane} or {@code worker}; {@code null} when missing (already reported)
 * @param address the node's address, or {@code null} when missing or rejected
 * @param addressSpan where the address is written, or {@code null}
 * @param disk the disk as written, or {@code null}
 */
public record Node(Decl decl, String role, Ipv4 address, SourceSpan addressSpan, String disk) {
  public static final String CONTROL_PLANE = "control-plane";
  public static final String WORKER = "worker";

  public static Node of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Node.class, Node::lower);
  }

  /** Every node of the model, in source order. */
  public static List<Node> all(ClusterModel model) {
    return model.decls(Kind.NODE).stream().map(decl -> of(model, decl)).toList();
  }

  /** The nodes with {@code role}, in source order. */
  public static List<Node> withRole(ClusterModel model, String role) {
    return all(model).stream().filter(node -> role.equals(node.role())).toList();
  }

  public boolean isControlPlane() {
    return CONTROL_PLANE.equals(role);
  }

  public boolean isWorker() {
    return WORKER.equals(role);
  }

  private static Node lower(Decl decl) {
    Typed.Addr address = decl.body().typed("address", Typed.Addr.class).orElse(null);
    return new Node(decl, decl.body().sym("role").orElse(null), address == null ? null : address.value(),
        address == null ? null : address.span(), decl.body().str("disk").orElse(null));
  }
}
