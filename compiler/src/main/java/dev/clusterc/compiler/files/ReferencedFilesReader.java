package dev.clusterc.compiler.files;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.schema.Kind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The analysis pass that reads the files declarations name — {@code secret … sops/sealed PATH}
 * ({@link SecretFileReader}), {@code secret … env-file PATH} ({@link EnvFileReader}), {@code app … manifests}
 * ({@link ManifestsReader}) and {@code app … config PATH file FILE} ({@link ConfigFileReader}) — so that
 * {@code check} reports every problem {@code compile} would meet, and keeps what it read for the
 * emitters ({@link ReferencedFiles}).
 *
 * <p>It also refuses two raw objects Kubernetes would take for one: same API group, kind (compared
 * without case: {@code configmap} and {@code ConfigMap} would also land in one output file),
 * namespace and name, across all {@code manifests} of the cluster. The second is
 * {@code invalid-value} at its entry, with the first as a related position.
 */
public final class ReferencedFilesReader {
  private ReferencedFilesReader() {}

  /**
   * @param workingDirectory the directory the sources' paths are relative to (that of the Workspace)
   * @param broken declarations with a syntax error, whose files are not read (their entries may be
   *     cut short, and the syntax error is what the user must fix first)
   */
  public static ReferencedFiles read(ClusterModel program, Path workingDirectory, Predicate<Decl> broken, Consumer<Diagnostic> report) {
    Map<Decl, SecretFile> secrets = new IdentityHashMap<>();
    Map<Decl, List<RawObject>> manifests = new IdentityHashMap<>();
    Map<Decl, PlainSecret> plains = new IdentityHashMap<>();
    SecretFileReader secretReader = new SecretFileReader(program, workingDirectory, report);
    EnvFileReader envReader = new EnvFileReader(program, workingDirectory, report);
    ManifestsReader manifestsReader = new ManifestsReader(workingDirectory, report);
    ConfigFileReader configReader = new ConfigFileReader(program, workingDirectory, report);
    Map<Decl, Map<String, String>> configs = new IdentityHashMap<>();
    for (Decl decl : program.decls()) {
      if (decl.body() == null || broken.test(decl)) {
        continue;
      }
      if (decl.kind() == Kind.SECRET) {
        Secret.File entry = Secret.of(program, decl).file().orElse(null);
        SecretFile file = entry == null || sources(decl) > 1 ? null : secretReader.read(decl, entry);
        if (file != null) {
          secrets.put(decl, file);
        }
        Secret.EnvFile envFile = Secret.of(program, decl).envFile().orElse(null);
        PlainSecret plain = envFile == null || sources(decl) > 1 ? null : envReader.read(decl, envFile);
        if (plain != null) {
          plains.put(decl, plain);
        }
      } else if (decl.kind() == Kind.APP) {
        List<RawObject> objects = manifestsReader.read(decl);
        if (!objects.isEmpty()) {
          manifests.put(decl, objects);
        }
        Map<String, String> texts = configReader.read(decl);
        if (!texts.isEmpty()) {
          configs.put(decl, texts);
        }
      }
    }
    duplicates(program, manifests, report);
    return new ReferencedFiles(secrets, manifests, configs, plains);
  }

  /**
   * How many sources a secret's entries name (as written: the binder keeps one of two equal
   * entries): with more than one ({@code duplicate-property}), which file
   * is meant is the user's choice to make first, so none is read.
   */
  private static int sources(Decl secret) {
    return (int) secret.entries().stream().map(e -> e.entry().key().text())
        .filter(Secret.KEYWORDS::contains).count();
  }

  private static void duplicates(ClusterModel program, Map<Decl, List<RawObject>> manifests, Consumer<Diagnostic> report) {
    Map<String, RawObject> seen = new HashMap<>();
    for (Decl app : program.decls(Kind.APP)) {
      for (RawObject object : manifests.getOrDefault(app, List.of())) {
        String identity = ObjectKinds.identity(object.group(), object.kind(), object.namespace(), object.name());
        RawObject first = seen.putIfAbsent(identity, object);
        if (first != null) {
          String in = object.namespace() == null ? "" : " in namespace " + object.namespace();
          report.accept(Diagnostic.error(Code.INVALID_VALUE, object.span(), "the document at " + object.where() + " is the "
                  + object.kind() + " `" + object.name() + "`" + in + " a second time (first at " + first.where() + ")")
              .withHint("Kubernetes would see one object: remove one, or give them different names")
              .withRelated(first.span(), "the first " + first.kind() + " `" + first.name() + "`"));
        }
      }
    }
  }
}
