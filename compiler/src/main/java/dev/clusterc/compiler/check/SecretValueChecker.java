package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code plaintext-secret}: an {@code env} key that names a secret ({@code DB_PASSWORD},
 * {@code SONARR__AUTH__APIKEY}) must not have a literal value, which would end up in Git and in the
 * Deployment; its place is a {@code secret} brought in with {@code secret-env}.
 *
 * <p>The key is split at {@code _}, {@code -} and {@code .} and matched word by word,
 * case-insensitively, so that {@code KEYBOARD_LAYOUT}, {@code MONKEY} and {@code KEYCLOAK_URL} are
 * not secrets. A word also counts when it ends in a secret word ({@code DBPASSWORD},
 * {@code AUTHTOKEN}) or is a known kind of key ({@code APIKEY}, {@code ACCESSKEY}). A key whose last
 * word is {@code FILE}, {@code PATH} or {@code DIR} names where a secret is, not the secret, and a
 * {@code PUBLIC_KEY} is no secret.
 */
public final class SecretValueChecker implements Checker {
  private static final Set<String> WORDS = Set.of(
      "PASSWORD", "PASSWD", "PASSPHRASE", "TOKEN", "SECRET", "KEY", "APIKEY", "PRIVATE", "CREDENTIAL", "CREDENTIALS");
  private static final List<String> SUFFIXES = List.of("PASSWORD", "PASSWD", "PASSPHRASE", "TOKEN", "SECRET");
  private static final Set<String> KINDS_OF_KEY = Set.of(
      "API", "ACCESS", "SECRET", "PRIVATE", "AUTH", "LICENSE", "LICENCE", "ENCRYPTION", "SIGNING", "MASTER", "CLIENT", "APP");
  private static final Set<String> LOCATIONS = Set.of("FILE", "PATH", "DIR");

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl app : program.decls(Kind.APP)) {
      for (App.Env variable : App.of(program.model(), app).env()) {
        if (namesSecret(variable.name()) && literal(variable.value())) {
          report.accept(Sites.placed(program, app, Diagnostic.error(Code.PLAINTEXT_SECRET, variable.value().span(),
                  "`" + variable.name() + "` of " + app.label() + " holds a secret in plain text")
              .withHint("put it in a `secret` and use `secret-env NAME`")));
        }
      }
    }
  }

  /** Whether an environment variable's name says that it holds a secret. */
  static boolean namesSecret(String key) {
    List<String> words = List.of(key.toUpperCase(Locale.ROOT).split("[_.\\-]+"));
    if (words.isEmpty() || LOCATIONS.contains(words.get(words.size() - 1))) {
      return false;
    }
    for (int i = 0; i < words.size(); i++) {
      boolean publicKey = words.get(i).equals("KEY") && i > 0 && words.get(i - 1).equals("PUBLIC");
      if (secretWord(words.get(i)) && !publicKey) {
        return true;
      }
    }
    return false;
  }

  private static boolean secretWord(String word) {
    if (WORDS.contains(word) || SUFFIXES.stream().anyMatch(word::endsWith)) {
      return true;
    }
    return word.endsWith("KEY") && KINDS_OF_KEY.contains(word.substring(0, word.length() - "KEY".length()));
  }

  /** A value written out: a non-empty string or a number, but not a reference to another variable. */
  private static boolean literal(Typed value) {
    if (value instanceof Typed.Str s) {
      return !s.value().isEmpty() && !s.value().matches("\\$\\([A-Za-z_][A-Za-z0-9_]*\\)");
    }
    return value instanceof Typed.Int || value instanceof Typed.Sym;
  }
}
