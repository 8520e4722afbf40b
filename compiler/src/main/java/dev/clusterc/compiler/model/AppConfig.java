package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;

/**
 * One {@code config PATH file FILE} or {@code config PATH text TEXT} of an app: a configuration
 * file the app's container sees at {@code PATH}, its content read from a file next to the sources
 * or written inline. Exactly one of {@code file} and {@code text} is meant to be given; a checker
 * says so when neither or both are ({@code ConfigChecker}), and the emitter then skips the entry.
 *
 * @param path where the container sees the file, or {@code null} when it did not bind
 * @param file the {@code file} path as written (relative to the declaring file's directory), or {@code null}
 * @param text the {@code text} content, or {@code null}
 * @param span the whole entry
 */
public record AppConfig(Typed.Str path, Typed.Str file, Typed.Str text, SourceSpan span) {
  static AppConfig of(BoundEntry entry) {
    return new AppConfig(str(entry, "path"), str(entry, "file"), str(entry, "text"), entry.entry().span());
  }

  private static Typed.Str str(BoundEntry entry, String slot) {
    return entry.get(slot).filter(Typed.Str.class::isInstance).map(Typed.Str.class::cast).orElse(null);
  }

  /** Whether the entry says where its content comes from in exactly one way. */
  public boolean sourced() {
    return (file == null) != (text == null);
  }

  /** The file name the path ends in ({@code config.yaml} of {@code /etc/app/config.yaml}), or {@code null}. */
  public String fileName() {
    if (path == null) {
      return null;
    }
    String value = path.value();
    return value.substring(value.lastIndexOf('/') + 1);
  }
}
