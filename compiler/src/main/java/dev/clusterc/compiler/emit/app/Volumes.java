package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import java.util.Optional;

/**
 * What the app's objects need to know of the volumes it mounts: the access mode (a read-write-once
 * volume makes the Deployment recreate, a read-only-many one is mounted read-only) and the node a
 * {@code local} volume lives on. Volumes are another concern's declarations: these read them by
 * entry until they have a lowered record of their own.
 */
final class Volumes {
  private Volumes() {}

  /** {@code rwo}, {@code rwx} or {@code rox}: as written, else the schema's default. */
  static String access(Decl volume) {
    return volume.body().sym("access").orElseThrow();
  }

  static boolean readOnly(Decl volume) {
    return access(volume).equals("rox");
  }

  /** The node of a {@code local NODE at PATH} volume. */
  static Optional<String> localNode(Decl volume) {
    return volume.body().first("local").flatMap(e -> e.get("node"))
        .filter(Typed.Ref.class::isInstance).map(t -> ((Typed.Ref) t).name());
  }
}
