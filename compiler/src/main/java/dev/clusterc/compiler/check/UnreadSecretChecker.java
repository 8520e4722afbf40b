package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.files.SecretFile;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.SecretUsers;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/**
 * {@code unread-secret} (a warning): a secret that nothing reads has no namespace to go to, so
 * {@code compile} leaves it out. Its readers are the ones {@link SecretUsers} knows (apps, backups,
 * issuers, components through {@code depends-on}); a {@code sops} or {@code sealed} file that names
 * its own namespace is the exception, since it is emitted in its own unit even unread (and a file
 * that could not be read is reported already). An {@code env-file} secret has no file of that kind
 * and no namespace of its own, so unread it is reported like an {@code external} one.
 */
public final class UnreadSecretChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.SECRET, reportAll, (decl, exempt, report) -> {
      Secret secret = Secret.of(program.model(), decl);
      if (exempt || secret.source().isEmpty() || !SecretUsers.of(program.model(), decl).isEmpty()) {
        return;
      }
      Secret.Source source = secret.source().get();
      boolean external = source instanceof Secret.External;
      boolean envFile = source instanceof Secret.EnvFile;
      if (!external && !envFile && program.files().secret(decl).map(SecretFile::namespace).orElse("unread file") != null) {
        return;
      }
      String why = external ? "so no ExternalSecret is emitted for it"
          : envFile ? "so its `env-file` is left out of the output"
          : "and its file names no namespace, so it is left out of the output";
      report.accept(Diagnostic.warning(Code.UNREAD_SECRET, decl.site(),
              decl.label() + " is read by no app, backup, issuer or component, " + why)
          .withHint("name it where it is read (`secret-env " + decl.name() + "` in an app, `depends-on [" + decl.name()
              + "]` in the component whose chart reads it), or remove it"));
    });
  }
}
