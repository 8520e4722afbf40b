package dev.clusterc.compiler.files;

import dev.clusterc.compiler.bind.Decl;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What analysis read of the files a cluster names besides its sources: each secret's file and
 * each app's raw {@code manifests} objects and {@code config} files, all checked ({@link ReferencedFilesReader}). The
 * emitters take them from here and never open a file again, so {@code compile} emits exactly what
 * {@code check} validated.
 */
public final class ReferencedFiles {
  /** Nothing read: a program not yet analysed, or one without such files. */
  public static final ReferencedFiles NONE = new ReferencedFiles(Map.of(), Map.of(), Map.of(), Map.of());

  private final Map<Decl, SecretFile> secrets;
  private final Map<Decl, List<RawObject>> manifests;
  private final Map<Decl, Map<String, String>> configs;
  private final Map<Decl, PlainSecret> plains;

  ReferencedFiles(Map<Decl, SecretFile> secrets, Map<Decl, List<RawObject>> manifests, Map<Decl, Map<String, String>> configs,
      Map<Decl, PlainSecret> plains) {
    this.secrets = new IdentityHashMap<>(secrets);
    this.manifests = new IdentityHashMap<>(manifests);
    this.configs = new IdentityHashMap<>(configs);
    this.plains = new IdentityHashMap<>(plains);
  }

  /** The checked keys and values of an {@code env-file} secret; empty when it has none or it was refused. */
  public Optional<PlainSecret> plain(Decl secret) {
    return Optional.ofNullable(plains.get(secret));
  }

  /** The checked file of a {@code sops}/{@code sealed} secret; empty when it has none or it was refused. */
  public Optional<SecretFile> secret(Decl secret) {
    return Optional.ofNullable(secrets.get(secret));
  }

  /**
   * The text of the file an app's {@code config PATH file FILE} names, by {@code PATH}; empty when
   * the entry has no file or it could not be read (already reported).
   */
  public Optional<String> config(Decl app, String path) {
    return Optional.ofNullable(configs.getOrDefault(app, Map.of()).get(path));
  }

  /** The raw objects of an app's {@code manifests}, in order (an entry with a problem adds none). */
  public List<RawObject> manifests(Decl app) {
    return manifests.getOrDefault(app, List.of());
  }
}
