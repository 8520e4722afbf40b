package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which key of a backup policy's {@code credentials} secret holds what: the secret declares its
 * keys ({@code keys ["access-key-id", "secret-access-key"]}) but not their roles, so they are
 * recognised by name, ignoring case and punctuation ({@code access-key-id}, {@code ACCESS_KEY_ID}
 * and {@code AWS_ACCESS_KEY_ID} are all the access key id). A role no key matches is given its
 * conventional name (the environment variable restic reads), which the secret must then hold.
 *
 * <p>Only names are read and written; the values stay in the secret.
 */
final class BackupTargetKeys {
  /** A credential, how its key is recognised, and the key assumed when none is. */
  enum Role {
    ACCESS_KEY_ID(n -> n.contains("keyid") || n.contains("accesskey") && !n.contains("secret"), "AWS_ACCESS_KEY_ID"),
    SECRET_ACCESS_KEY(n -> n.contains("secret") && n.contains("key"), "AWS_SECRET_ACCESS_KEY"),
    REGION(n -> n.contains("region"), "AWS_DEFAULT_REGION"),
    RESTIC_PASSWORD(n -> n.contains("resticpassword") || n.equals("password") || n.contains("repositorypassword"), "RESTIC_PASSWORD"),
    AZURE_ACCOUNT(n -> n.contains("account") && !n.contains("key") && !n.contains("sas"), "AZURE_STORAGE_ACCOUNT"),
    AZURE_KEY(n -> n.contains("key") && (n.contains("account") || n.contains("storage")) && !n.contains("sas"), "AZURE_STORAGE_KEY"),
    AZURE_SAS(n -> n.contains("sas"), "AZURE_STORAGE_SAS_TOKEN"),
    AZURE_CONNECTION_STRING(n -> n.contains("connectionstring"), "AZURE_STORAGE_CONNECTION_STRING"),
    GOOGLE_CREDENTIALS(n -> n.contains("credentials") || n.contains("json") || n.contains("serviceaccount"), "GOOGLE_APPLICATION_CREDENTIALS"),
    GOOGLE_PROJECT(n -> n.contains("project"), "GOOGLE_PROJECT_ID");

    private final Predicate<String> matches;
    private final String conventional;

    Role(Predicate<String> matches, String conventional) {
      this.matches = matches;
      this.conventional = conventional;
    }

    String conventional() {
      return conventional;
    }
  }

  private final String secret;
  private final List<String> keys;

  private BackupTargetKeys(String secret, List<String> keys) {
    this.secret = secret;
    this.keys = keys;
  }

  /** The credentials of a backup policy; none for a policy without {@code credentials}. */
  static BackupTargetKeys of(Decl backup) {
    Decl credentials = backup.body().first("credentials").flatMap(e -> e.ref("value")).orElse(null);
    if (credentials == null) {
      return new BackupTargetKeys(null, List.of());
    }
    List<String> keys = credentials.body().value("keys").filter(Typed.Items.class::isInstance)
        .map(t -> ((Typed.Items) t).items().stream().filter(Typed.Str.class::isInstance).map(s -> ((Typed.Str) s).value()).toList())
        .orElse(List.of());
    return new BackupTargetKeys(credentials.name(), keys);
  }

  /** The name of the credentials secret, or {@code null} when the policy has none. */
  String secret() {
    return secret;
  }

  /** The declared key that holds a credential, if one is recognised. */
  Optional<String> find(Role role) {
    for (String key : keys) {
      if (role.matches.test(normalize(key))) {
        return Optional.of(key);
      }
    }
    if (role == Role.GOOGLE_CREDENTIALS && keys.size() == 1) {
      return Optional.of(keys.get(0));
    }
    return Optional.empty();
  }

  /** The key that holds a credential: the declared one, else its conventional name. */
  String key(Role role) {
    return find(role).orElse(role.conventional());
  }

  private static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
