package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.bind.Decl;

/** Turns one declaration of one kind into the Kubernetes objects it needs, added to its unit. */
public interface Emitter {
  void emit(Decl decl, EmitContext context, Unit unit);
}
