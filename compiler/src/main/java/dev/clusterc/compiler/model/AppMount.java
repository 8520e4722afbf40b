package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;

/**
 * One {@code mount VOLUME at PATH} of an app.
 *
 * @param volume the reference as written (its target is {@code null} when it named nothing), or
 *     {@code null} when it did not bind
 * @param path the mount path, or {@code null} when it did not bind
 * @param span the whole entry
 */
public record AppMount(Typed.Ref volume, String path, SourceSpan span) {
  static AppMount of(BoundEntry entry) {
    Typed.Ref volume = entry.get("volume").filter(Typed.Ref.class::isInstance).map(Typed.Ref.class::cast).orElse(null);
    return new AppMount(volume, entry.str("path").orElse(null), entry.entry().span());
  }

  /** The mounted volume, or {@code null} when the reference did not resolve. */
  public Decl target() {
    return volume == null ? null : volume.target();
  }
}
