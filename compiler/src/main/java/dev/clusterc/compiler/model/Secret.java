package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@code secret}: where its value comes from and the keys it holds. A secret has exactly one
 * source (the checker reports none or more); {@link #source()} is the first one written.
 *
 * @param sources every source written, in source order (more than one only in a cluster with errors)
 * @param keys the {@code keys}, in source order; empty when not given
 */
public record Secret(Decl decl, List<Source> sources, List<String> keys) {

  /**
   * Where a secret's value comes from; {@code keyword} is the entry's keyword, {@code span} where
   * the keyword is written, {@code entry} the whole entry.
   */
  public sealed interface Source {
    SourceSpan span();

    SourceSpan entry();

    String keyword();
  }

  /** A source that is a file beside the sources: {@code path} as written, or {@code null} when it did not bind. */
  public sealed interface File extends Source {
    String path();
  }

  /** {@code sops PATH}: a SOPS-encrypted Secret file that Flux decrypts. */
  public record Sops(SourceSpan span, SourceSpan entry, String path) implements File {
    @Override
    public String keyword() {
      return "sops";
    }
  }

  /** {@code sealed PATH}: a SealedSecret file. */
  public record Sealed(SourceSpan span, SourceSpan entry, String path) implements File {
    @Override
    public String keyword() {
      return "sealed";
    }
  }

  /**
   * {@code external STORE key K}: {@code K} read from a ClusterSecretStore.
   *
   * @param store the store's name (as written when it names no declaration)
   * @param storeDecl the store, or {@code null} when the name resolved to none
   * @param key the remote key, the secret's name when not given
   */
  public record External(SourceSpan span, SourceSpan entry, String store, Decl storeDecl, String key) implements Source {
    @Override
    public String keyword() {
      return "external";
    }
  }

  /**
   * {@code env-file PATH}: {@code KEY=VALUE} lines in a file beside the sources, emitted as a plain
   * Secret; only for a cluster without {@code gitops}, whose output is applied and never committed.
   *
   * @param path as written, or {@code null} when it did not bind
   */
  public record EnvFile(SourceSpan span, SourceSpan entry, String path) implements Source {
    public static final String KEYWORD = "env-file";

    @Override
    public String keyword() {
      return KEYWORD;
    }
  }

  /** The keywords of the sources, in the order hints list them. */
  public static final List<String> KEYWORDS = List.of("sops", "external", "sealed", EnvFile.KEYWORD);
  private static final Comparator<SourceSpan> SOURCE_ORDER =
      Comparator.<SourceSpan, String>comparing(s -> s.file().path()).thenComparingInt(SourceSpan::start);

  public static Secret of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Secret.class, Secret::lower);
  }

  public String name() {
    return decl.name();
  }

  /** The first {@code sops} or {@code sealed} source, when the secret has one. */
  public Optional<File> file() {
    return sources.stream().filter(File.class::isInstance).map(File.class::cast).findFirst();
  }

  /** The {@code env-file} source, when that is the secret's source. */
  public Optional<EnvFile> envFile() {
    return source().filter(EnvFile.class::isInstance).map(EnvFile.class::cast);
  }

  /** The source, when the secret has one. */
  public Optional<Source> source() {
    return sources.stream().findFirst();
  }

  private static Secret lower(Decl decl) {
    BoundBlock body = decl.body();
    if (body == null) {
      return new Secret(decl, List.of(), List.of());
    }
    List<Source> sources = KEYWORDS.stream().flatMap(k -> body.all(k).stream())
        .sorted(Comparator.comparing((BoundEntry e) -> e.entry().span(), SOURCE_ORDER))
        .map(e -> source(decl, e)).toList();
    List<String> keys = body.typed("keys", Typed.Items.class)
        .map(items -> items.items().stream().filter(Typed.Str.class::isInstance).map(s -> ((Typed.Str) s).value()).toList())
        .orElse(List.of());
    return new Secret(decl, sources, keys);
  }

  private static Source source(Decl decl, BoundEntry entry) {
    SourceSpan span = entry.entry().key().span();
    SourceSpan whole = entry.entry().span();
    return switch (entry.property().name()) {
      case "sops" -> new Sops(span, whole, entry.str("value").orElse(null));
      case "sealed" -> new Sealed(span, whole, entry.str("value").orElse(null));
      case EnvFile.KEYWORD -> new EnvFile(span, whole, entry.str("value").orElse(null));
      default -> new External(span, whole, entry.ref("store").map(Decl::name).orElse(entry.str("store").orElse("")),
          entry.ref("store").orElse(null),
          entry.str("key").orElse(decl.name()));
    };
  }
}
