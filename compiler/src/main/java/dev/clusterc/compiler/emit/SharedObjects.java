package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.files.ObjectKinds;
import dev.clusterc.compiler.kube.KubeObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses an object that two units would apply: Kubernetes sees one object (the same API group,
 * kind, namespace and name), Flux two owners, whose Kustomizations undo each other's changes and
 * whose pruning deletes it under the other. Derived names make this possible between declarations
 * of different names, such as {@code volume x-backup} and the backup claim of {@code volume x}.
 * Objects repeated inside one unit are the unit's own business.
 */
final class SharedObjects {
  private SharedObjects() {}

  /** One {@code invalid-value} per object made by a later unit (in apply order) that an earlier one makes. */
  static List<Diagnostic> clashes(List<Unit> ordered) {
    Map<String, Unit> owners = new HashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Unit unit : ordered) {
      for (KubeObject object : unit.objects()) {
        String identity = identity(object);
        Unit owner = owners.putIfAbsent(identity, unit);
        if (owner != null && owner != unit) {
          problems.add(clash(object, owner, unit));
        }
      }
    }
    return problems;
  }

  private static Diagnostic clash(KubeObject object, Unit first, Unit second) {
    Decl earlier = first.decl();
    Decl later = second.decl();
    String namespace = object.namespace();
    String what = object.kind() + " `" + (namespace == null ? "" : namespace + "/") + object.name() + "`";
    return Diagnostic.error(Code.INVALID_VALUE, later.site(), later.label() + " makes the " + what + ", which "
            + earlier.label() + " makes too, in unit " + first.name())
        .withHint("rename one of them: two Flux Kustomizations would own one object, undo each other's changes "
            + "and delete it when either one prunes")
        .withRelated(earlier.site(), earlier.label() + " makes the " + what + " here");
  }

  /** What Kubernetes tells objects apart by: group (not version), kind, namespace and name. */
  private static String identity(KubeObject object) {
    return ObjectKinds.identity(object.group(), object.kind(), object.namespace(), object.name());
  }
}
