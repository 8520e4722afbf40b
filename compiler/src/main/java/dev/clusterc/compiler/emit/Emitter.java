package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.program.Decl;

/** Turns one declaration of one kind into the Kubernetes objects it needs, added to its unit. */
public interface Emitter {
  void emit(Decl decl, EmitContext context, Unit unit);
}
