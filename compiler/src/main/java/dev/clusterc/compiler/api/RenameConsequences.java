package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * What an allowed rename does to a running cluster beyond new names: objects that hold data are
 * named after their declaration and live in its namespace, so renaming a volume or a database, or
 * an app or component whose namespace is its name, makes new objects, and GitOps prunes the old
 * ones with what they held. The cluster still means the same; the editor asks before applying.
 */
final class RenameConsequences {
  private RenameConsequences() {}

  /** One sentence per replaced object that holds data (or a chart's release), in source order. */
  static List<String> of(Program program, Symbol symbol, String newName) {
    List<String> out = new ArrayList<>();
    Kind kind = Kind.of(symbol.keyword()).orElse(null);
    if (kind == null) {
      return out;
    }
    ClusterModel model = program.model();
    Namespaces namespaces = new Namespaces(model);
    Decl decl = program.scope().lookup(kind, symbol.name()).orElse(null);
    if (decl == null || decl.body() == null) {
      return out;
    }
    String namespace = namespaces.of(decl);
    switch (kind) {
      case VOLUME -> out.add(claim(model, decl, namespace + "/" + decl.name(), namespace + "/" + newName));
      case DATABASE -> out.add("the CloudNativePG Cluster " + namespace + "/" + decl.name() + " is replaced by " + namespace + "/"
          + newName + ": its data is not moved");
      case COMPONENT -> {
        String moved = RenameBindings.namedNamespace(program, symbol) != null ? newName : namespace;
        out.add("the release of component " + decl.name() + " (" + namespace + "/" + decl.name() + ") is replaced by " + moved + "/"
            + newName + ": its chart is installed anew, and data in its volumes is not moved");
      }
      default -> { }
    }
    Decl moving = RenameBindings.namedNamespace(program, symbol);
    if (moving != null) {
      Namespaces moved = namespaces.moving(moving, newName);
      for (Decl volume : program.decls(Kind.VOLUME)) {
        if (volume.body() != null && symbol.name().equals(namespaces.of(volume)) && newName.equals(moved.of(volume))) {
          out.add(claim(model, volume, symbol.name() + "/" + volume.name(), newName + "/" + volume.name()));
        }
      }
    }
    return out;
  }

  private static String claim(ClusterModel model, Decl volume, String from, String to) {
    Volume lowered = Volume.of(model, volume);
    String what = "PersistentVolumeClaim " + from + " is replaced by " + to;
    return lowered.isLocal() && lowered.local().node() != null && lowered.local().node().target() != null
        ? what + ": the new claim takes the same directory, " + lowered.local().path() + " on node "
            + lowered.local().node().target().name()
        : what + ": its data is not moved";
  }
}
