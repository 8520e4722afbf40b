package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.flux.FluxEmitter;
import dev.clusterc.compiler.emit.incluster.RuntimeUnitEmitter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The name of each declaration's unit, which is also its directory {@code LAYER/NAME/} and the name
 * of its Flux Kustomization in {@code flux-system}: so it must be unique across the whole cluster,
 * not only per kind as declaration names are, and must not be a name someone else owns there.
 *
 * <p>A unit is named after its declaration. It is named {@code KIND-NAME} instead when another
 * layered declaration (of another kind) has the same name, when the name is {@linkplain #RESERVED
 * reserved}, or when the name is some other unit's {@code KIND-NAME} (so {@code app app-x} next to
 * {@code app x} and {@code volume x} becomes {@code app-app-x}). The rule looks only at the set of
 * declarations, so the names are the same on every run and whatever the order of the files; it
 * does not look at which units turn out empty, so a change to what a declaration emits never renames
 * another unit. {@code KIND-NAME} never clashes with another {@code KIND-NAME}: no keyword holds a
 * {@code -}, and one kind has one declaration of a name.
 *
 * <p>Flux labels every object it applies with its Kustomization's name, and a label value holds at
 * most 63 characters; a {@code KIND-NAME} longer than that keeps its first 46 characters and ends
 * with {@code .} and 16 hex digits of its SHA-256. No declaration name holds a {@code .}, so such a
 * name clashes with no other kind of name.
 */
final class UnitNames {
  /** The cluster-wide unit's name. */
  static final String CLUSTER_UNIT = "cluster";

  /**
   * Kustomization names in {@code flux-system} that are not the user's: the cluster-wide unit's,
   * the one {@code flux bootstrap} gives its own Kustomization (and GitRepository), and the in-cluster
   * runtime's unit ({@code gitops clusterc}).
   */
  static final Set<String> RESERVED = Set.of(CLUSTER_UNIT, FluxEmitter.NAMESPACE, RuntimeUnitEmitter.UNIT);

  /** The longest Kubernetes label value, and so the longest Kustomization name Flux can apply with. */
  static final int MAX_LENGTH = 63;

  private UnitNames() {}

  /** The unit name of every declaration in {@code decls} (the layered ones), by identity. */
  static Map<Decl, String> of(Collection<Decl> decls) {
    Map<String, Integer> sharing = new HashMap<>();
    decls.forEach(d -> sharing.merge(d.name(), 1, Integer::sum));
    Set<Decl> qualified = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Decl decl : decls) {
      if (sharing.get(decl.name()) > 1 || RESERVED.contains(decl.name()) || decl.name().length() > MAX_LENGTH) {
        qualified.add(decl);
      }
    }
    // A plain name equal to some KIND-NAME is qualified too; that adds KIND-NAMEs, so repeat until none does.
    boolean changed = true;
    while (changed) {
      Set<String> taken = new HashSet<>();
      qualified.forEach(d -> taken.add(qualifiedName(d)));
      changed = false;
      for (Decl decl : decls) {
        if (!qualified.contains(decl) && taken.contains(decl.name())) {
          qualified.add(decl);
          changed = true;
        }
      }
    }
    Map<Decl, String> names = new IdentityHashMap<>();
    Map<String, Decl> owners = new HashMap<>();
    for (Decl decl : decls) {
      String name = qualified.contains(decl) ? qualifiedName(decl) : decl.name();
      Decl other = owners.put(name, decl);
      if (other != null) {
        // Only two shortened names sharing 64 bits of SHA-256 get here.
        throw new IllegalStateException(decl.label() + " and " + other.label() + " both get the unit name " + name);
      }
      names.put(decl, name);
    }
    return names;
  }

  /** {@code KIND-NAME}, shortened to {@link #MAX_LENGTH} characters when longer. */
  static String qualifiedName(Decl decl) {
    String full = decl.kind().keyword() + "-" + decl.name();
    if (full.length() <= MAX_LENGTH) {
      return full;
    }
    String head = full.substring(0, MAX_LENGTH - 17).replaceAll("-+$", "");
    return head + "." + sha256(full).substring(0, 16);
  }

  private static String sha256(String text) {
    try {
      StringBuilder hex = new StringBuilder();
      for (byte b : MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
