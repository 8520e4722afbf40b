package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.files.SecretFile;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.rules.SecretUsers;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Optional;

/**
 * Why a rename would need a change the edits of the sources cannot make, or {@code null}: the name
 * is held outside the sources (a {@code sops} or {@code sealed} secret's object, a node's machine),
 * or the namespace named after a declaration would move away from what stays in it or into one in
 * use. Such a rename is refused with what to do first.
 */
final class RenameBindings {
  private final Program program;

  RenameBindings(Program program) {
    this.program = program;
  }

  /**
   * Why the name is held by something outside the sources, or {@code null}: a secret read from a
   * {@code sops} or {@code sealed} file holds an object that must be named as the declaration (and
   * a sealed one opens only under the name it was sealed for); a node's name is its machine's
   * hostname ({@code kubernetes.io/hostname}, which pins workloads and local volumes to it).
   */
  String heldOutside(Symbol symbol) {
    if (symbol.keyword().equals(Kind.NODE.keyword())) {
      return "node `" + symbol.name() + "`: the node's name is the machine's hostname (`kubernetes.io/hostname`, which pins "
          + "workloads and local volumes to it): rename the machine first";
    }
    if (!symbol.keyword().equals(Kind.SECRET.keyword())) {
      return null;
    }
    Decl secret = program.scope().lookup(Kind.SECRET, symbol.name()).orElse(null);
    if (secret == null || secret.body() == null) {
      return null;
    }
    for (String source : List.of("sops", "sealed")) {
      Optional<String> file = secret.body().str(source);
      if (file.isPresent()) {
        return "secret `" + symbol.name() + "` reads `" + file.get() + "`, whose " + (source.equals("sops") ? "Secret" : "SealedSecret")
            + " must be named as the declaration: rename the object in that file first"
            + (source.equals("sealed") ? " (seal it again under the new name)" : "") + ", then the declaration";
      }
    }
    return null;
  }

  /**
   * Why moving the namespace would change the cluster, or {@code null}. An app or component without
   * a {@code namespace} lives in a namespace of its name, and so may what follows it there (its
   * volumes, a gateway of its class); the rename moves them all. Refused when the new namespace is
   * in use already, when something stays behind in the old one (it writes {@code namespace OLD}
   * itself, or lives there by a name of its own), or when a secret read in the old one comes from a
   * file bound to that namespace.
   */
  String movesNamespace(Symbol symbol, String name) {
    Decl decl = namedNamespace(program, symbol);
    if (decl == null) {
      return null;
    }
    String old = symbol.name();
    Namespaces namespaces = new Namespaces(program.model());
    for (Decl other : program.decls()) {
      if (other.body() != null && name.equals(namespaces.of(other))) {
        return decl.label() + " lives in the namespace of its name; as `" + name + "` it would move into namespace " + name
            + ", where " + other.label() + " is already";
      }
    }
    Namespaces moved = namespaces.moving(decl, name);
    for (Decl other : program.decls()) {
      if (other != decl && other.body() != null && old.equals(namespaces.of(other)) && old.equals(moved.of(other))) {
        String why = other.body().sym("namespace").filter(old::equals).isPresent()
            ? other.label() + " writes `namespace " + old + "`"
            : other.label() + " lives in namespace " + old + " too";
        return decl.label() + " lives in the namespace of its name, and " + why + ": as `" + name + "`, " + decl.label()
            + " would move to namespace " + name + " and leave " + other.label() + " behind; give " + decl.label()
            + " `namespace " + old + "` first";
      }
    }
    for (Decl secret : program.decls(Kind.SECRET)) {
      String bound = program.files().secret(secret).map(SecretFile::namespace).orElse(null);
      if (bound != null && SecretUsers.placements(program.model(), namespaces, secret).stream()
          .anyMatch(p -> p.namespace().equals(old))) {
        return decl.label() + " lives in the namespace of its name, and secret `" + secret.name() + "` is read there from a file "
            + "bound to namespace " + bound + ": give " + decl.label() + " `namespace " + old + "` first, or move the secret";
      }
    }
    return null;
  }

  /**
   * The app or component that {@code symbol} names when its objects live in the namespace of its
   * name (it writes no {@code namespace}), so that renaming it moves them; else {@code null}.
   */
  static Decl namedNamespace(Program program, Symbol symbol) {
    Kind kind = Kind.of(symbol.keyword()).orElse(null);
    if (kind != Kind.APP && kind != Kind.COMPONENT) {
      return null;
    }
    Decl decl = program.scope().lookup(kind, symbol.name()).orElse(null);
    if (decl == null || decl.body() == null || decl.body().sym("namespace").isPresent()) {
      return null;
    }
    return symbol.name().equals(new Namespaces(program.model()).of(decl)) ? decl : null;
  }
}
