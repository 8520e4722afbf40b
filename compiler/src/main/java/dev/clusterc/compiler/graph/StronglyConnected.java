package dev.clusterc.compiler.graph;

import dev.clusterc.compiler.bind.Decl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tarjan's strongly connected components, iterative so that a long chain of declarations cannot
 * overflow the stack. Only components that contain a cycle are returned.
 */
final class StronglyConnected {
  private final DependencyGraph graph;
  private final Map<Decl, Integer> index = new IdentityHashMap<>();
  private final Map<Decl, Integer> low = new IdentityHashMap<>();
  private final Deque<Decl> stack = new ArrayDeque<>();
  private final Set<Decl> onStack = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Set<Decl>> components = new ArrayList<>();
  private int counter;

  StronglyConnected(DependencyGraph graph) {
    this.graph = graph;
  }

  List<Set<Decl>> components() {
    for (Decl node : graph.nodes()) {
      if (!index.containsKey(node)) {
        visit(node);
      }
    }
    return components;
  }

  private void visit(Decl root) {
    Deque<Object[]> work = new ArrayDeque<>();
    enter(root);
    work.push(new Object[] {root, 0});
    while (!work.isEmpty()) {
      Object[] frame = work.peek();
      Decl node = (Decl) frame[0];
      int next = (Integer) frame[1];
      List<Edge> out = graph.from(node);
      if (next < out.size()) {
        frame[1] = next + 1;
        Decl to = out.get(next).to();
        if (!index.containsKey(to)) {
          enter(to);
          work.push(new Object[] {to, 0});
        } else if (onStack.contains(to)) {
          low.put(node, Math.min(low.get(node), index.get(to)));
        }
        continue;
      }
      work.pop();
      if (!work.isEmpty()) {
        Decl parent = (Decl) work.peek()[0];
        low.put(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node).equals(index.get(node))) {
        Set<Decl> component = new LinkedHashSet<>();
        Decl member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (member != node);
        boolean selfLoop = graph.from(node).stream().anyMatch(e -> e.to() == node);
        if (component.size() > 1 || selfLoop) {
          components.add(component);
        }
      }
    }
  }

  private void enter(Decl node) {
    index.put(node, counter);
    low.put(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
  }
}
