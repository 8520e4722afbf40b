package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
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
public final class BackupCredentials {
  /** A credential, how its key is recognised, and the key assumed when none is. */
  public enum Role {
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

    public String conventional() {
      return conventional;
    }
  }

  /** A policy without {@code credentials}: every role gets its conventional name. */
  static final BackupCredentials NONE = new BackupCredentials(null, null, null, List.of());

  private final String secret;
  private final Decl declaration;
  private final SourceSpan entry;
  private final List<String> keys;
  /** {@link #keys} {@link #normalize normalized}, in the same order: worked out once, not on every lookup. */
  private final List<String> normalized;

  private BackupCredentials(String secret, Decl declaration, SourceSpan entry, List<String> keys) {
    this.secret = secret;
    this.declaration = declaration;
    this.entry = entry;
    this.keys = keys;
    this.normalized = keys.stream().map(BackupCredentials::normalize).toList();
  }

  /**
   * The keys the secret that {@code credentials} names declares; none when the entry names no
   * secret (reported elsewhere) or one without a body.
   */
  static BackupCredentials of(BoundEntry written) {
    Decl credentials = written.ref("value").orElse(null);
    if (credentials == null || credentials.body() == null) {
      return new BackupCredentials(written.firstArgument(), credentials, written.entry().span(), List.of());
    }
    List<String> keys = credentials.body().value("keys").filter(Typed.Items.class::isInstance)
        .map(t -> ((Typed.Items) t).items().stream().filter(Typed.Str.class::isInstance).map(s -> ((Typed.Str) s).value()).toList())
        .orElse(List.of());
    return new BackupCredentials(credentials.name(), credentials, written.entry().span(), keys);
  }

  /** The name of the credentials secret, or {@code null} when the policy has none. */
  public String secret() {
    return secret;
  }

  /** The secret {@code credentials} names, or {@code null} when the policy has none or it resolved to nothing. */
  public Decl declaration() {
    return declaration;
  }

  /** The whole {@code credentials} entry, or {@code null} when the policy has none. */
  public SourceSpan entry() {
    return entry;
  }

  /** The keys the secret declares, as written; empty when it declares none (or the policy has no credentials). */
  public List<String> keys() {
    return keys;
  }

  /** Whether the secret lists its {@code keys}, so that a key it lacks can be named. */
  public boolean listsKeys() {
    return !keys.isEmpty();
  }

  /** The declared key that holds a credential, if one is recognised. */
  public Optional<String> find(Role role) {
    for (int i = 0; i < keys.size(); i++) {
      if (role.matches.test(normalized.get(i))) {
        return Optional.of(keys.get(i));
      }
    }
    if (role == Role.GOOGLE_CREDENTIALS && keys.size() == 1) {
      return Optional.of(keys.get(0));
    }
    return Optional.empty();
  }

  /** The key that holds a credential: the declared one, else its conventional name. */
  public String key(Role role) {
    return find(role).orElse(role.conventional());
  }

  /** Lower-case letters and digits only, so {@code AWS_ACCESS_KEY_ID} and {@code aws-access-key-id} match alike (no regex per lookup). */
  private static String normalize(String key) {
    StringBuilder letters = new StringBuilder(key.length());
    for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        letters.append(c);
      }
    }
    return letters.toString();
  }
}
