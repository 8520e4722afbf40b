package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.schema.Schemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Puts every declaration on a layer of the ladder: its own {@code layer} entry, or its kind's
 * default layer, or the nearest lower default layer that is on the cluster's ladder.
 */
public final class Layers {
  /**
   * Directories beside the layers' in the GitOps tree that are not for units: the compiler's
   * {@code flux/}, {@code argocd/} and {@code talos/}, and the {@code flux-system/} that {@code flux bootstrap} writes.
   * A layer of one of these names (in any case, for case-insensitive file systems) would mix units into them.
   */
  static final List<String> RESERVED = List.of("flux", "talos", "flux-system", "argocd");

  /** The prefix of a layer's barrier unit, which waits for the layer before the next one starts. */
  public static final String BARRIER_PREFIX = "layer.";

  /** The longest name of a Flux Kustomization or Argo CD Application (a DNS label's length). */
  private static final int MAX_NAME = 63;

  private Layers() {}

  /**
   * {@code layer.LAYER}: the barrier unit's name, lower-cased, with what an object name may not hold
   * replaced by {@code -}, cut to 63 characters and ending in a letter or digit. Two layers of the
   * ladder may not share it ({@link #ladder}).
   */
  public static String barrierName(String layer) {
    String name = BARRIER_PREFIX + layer.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME);
    }
    return name.replaceAll("[-.]+$", "");
  }

  public static List<String> ladder(Optional<Decl> cluster, Consumer<Diagnostic> report) {
    Optional<Typed> written = cluster.map(Decl::body).flatMap(b -> b.value("layers"));
    if (written.isEmpty() || !(written.get() instanceof Typed.Items items)) {
      return Schemas.DEFAULT_LAYERS;
    }
    List<String> ladder = new ArrayList<>();
    Map<String, String> barriers = new HashMap<>();
    for (Typed item : items.items()) {
      String name = ((Typed.Sym) item).value();
      if (ladder.contains(name)) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, item.span(), "layer `" + name + "` is on the ladder twice")
            .withHint("a layer appears once; the ladder goes from lowest to highest"));
        continue;
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, item.span(), "layer `" + name + "` would share the directory `"
                + name.toLowerCase(Locale.ROOT) + "/` with " + owner(name) + ": each layer is a directory of the GitOps tree, "
                + "beside `flux/`, `argocd/`, `talos/` and the `flux-system/` of `flux bootstrap`")
            .withHint("give the layer another name; `flux`, `argocd`, `talos` and `flux-system` are reserved"));
      }
      String other = barriers.putIfAbsent(barrierName(name), name);
      if (other != null) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, item.span(), "layers `" + other + "` and `" + name
                + "` would both be waited for by the unit `" + barrierName(name) + "`, since object names are "
                + "lower-case and hold no `_` or `.`")
            .withHint("give the layers names that differ in more than case and punctuation"));
      }
      ladder.add(name);
    }
    if (ladder.isEmpty()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, items.span(), "the layer ladder is empty")
          .withHint("name the layers from lowest to highest, or leave `layers` out for " + String.join(", ", Schemas.DEFAULT_LAYERS)));
      return Schemas.DEFAULT_LAYERS;
    }
    return List.copyOf(ladder);
  }

  public static void assign(List<Decl> decls, List<String> ladder, Consumer<Diagnostic> report) {
    for (Decl decl : decls) {
      if (!decl.kind().isLayered()) {
        continue;
      }
      Optional<Typed> explicit = explicitLayer(decl);
      if (explicit.isPresent() && explicit.get() instanceof Typed.Sym sym) {
        if (ladder.contains(sym.value())) {
          decl.layer(sym.value());
          continue;
        }
        // A standard component's own layer is a default like a kind's: the nearest lower one will do.
        boolean stdDefault = decl.isStd() && (decl.useBody() == null || decl.useBody().value("layer").isEmpty());
        String lower = stdDefault ? nearest(sym.value(), ladder) : null;
        if (lower != null) {
          decl.layer(lower);
          continue;
        }
        if (!stdDefault) {
          report.accept(Diagnostic.error(Code.INVALID_VALUE, sym.span(), "layer `" + sym.value() + "` is not on the ladder")
              .withSuggestion(sym.value(), ladder, "the layers are " + String.join(", ", ladder)));
        }
      }
      String layer = nearest(decl.kind().defaultLayer(), ladder);
      if (layer == null) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, decl.site(),
                decl.label() + " has no layer: neither `" + decl.kind().defaultLayer() + "` nor a layer below it is on the ladder")
            .withHint("give it one with `layer NAME`; the layers are " + String.join(", ", ladder)));
      }
      decl.layer(layer);
    }
  }

  /** {@code use}'s {@code layer} over the component's own, over nothing. */
  private static Optional<Typed> explicitLayer(Decl decl) {
    BoundBlock use = decl.useBody();
    if (use != null && use.value("layer").isPresent()) {
      return use.value("layer");
    }
    return decl.body() == null ? Optional.empty() : decl.body().value("layer");
  }

  /** The default layer, or the nearest lower default layer, that is on the ladder. */
  static String nearest(String defaultLayer, List<String> ladder) {
    int index = Schemas.DEFAULT_LAYERS.indexOf(defaultLayer);
    for (int i = index; i >= 0; i--) {
      if (ladder.contains(Schemas.DEFAULT_LAYERS.get(i))) {
        return Schemas.DEFAULT_LAYERS.get(i);
      }
    }
    return null;
  }

  private static String owner(String reserved) {
    return switch (reserved.toLowerCase(Locale.ROOT)) {
      case "flux" -> "the Flux objects";
      case "talos" -> "the Talos patches";
      case "argocd" -> "the Argo CD Applications";
      default -> "`flux bootstrap`";
    };
  }

}
