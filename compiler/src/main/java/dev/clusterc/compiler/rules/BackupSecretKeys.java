package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.model.BackupCredentials;
import dev.clusterc.compiler.model.BackupCredentials.Role;
import dev.clusterc.compiler.model.BackupTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each backup mover reads from a policy's {@code credentials} secret, per target scheme, so
 * that the emitters copy or reference exactly those keys and {@code check} names the one a declared
 * secret lacks.
 *
 * <p>Two readers: VolSync's restic mover, which takes every setting from environment variables of
 * one Secret (the password always, then the backend's keys: AWS_* for {@code s3://}, AZURE_ACCOUNT_*
 * for {@code azure://}, GOOGLE_APPLICATION_CREDENTIALS for {@code gs://}, nothing more for an
 * {@code nfs://} share mounted as a local path), and CloudNativePG's Barman, which reads the cloud's
 * keys by reference ({@code s3Credentials}, {@code azureCredentials}, {@code googleCredentials}) and
 * takes the Azure account from {@code destinationPath}, never from the secret.
 */
public final class BackupSecretKeys {
  /** Who reads the keys. */
  public enum Reader {
    RESTIC("VolSync's restic mover"), BARMAN("CloudNativePG's Barman");

    private final String label;

    Reader(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One credential a reader cannot run without: any one of {@code anyOf} will do.
   *
   * @param what what it is, for messages ({@code the restic password})
   */
  public record Need(String what, List<Role> anyOf) {
    /** The conventional key names that would satisfy it, for hints ({@code `AZURE_STORAGE_KEY` or `AZURE_STORAGE_SAS_TOKEN`}). */
    public String keyNames() {
      List<String> names = anyOf.stream().map(r -> "`" + r.conventional() + "`").toList();
      return names.size() == 1 ? names.get(0)
          : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
  }

  /** The restic environment variable that carries each role (the names VolSync's mover copies from its Secret). */
  private static final Map<Role, String> RESTIC_ENV = Map.of(
      Role.RESTIC_PASSWORD, "RESTIC_PASSWORD",
      Role.ACCESS_KEY_ID, "AWS_ACCESS_KEY_ID",
      Role.SECRET_ACCESS_KEY, "AWS_SECRET_ACCESS_KEY",
      Role.REGION, "AWS_DEFAULT_REGION",
      Role.AZURE_ACCOUNT, "AZURE_ACCOUNT_NAME",
      Role.AZURE_KEY, "AZURE_ACCOUNT_KEY",
      Role.AZURE_SAS, "AZURE_ACCOUNT_SAS",
      Role.GOOGLE_CREDENTIALS, "GOOGLE_APPLICATION_CREDENTIALS",
      Role.GOOGLE_PROJECT, "GOOGLE_PROJECT_ID");

  private BackupSecretKeys() {}

  /** What {@code reader} needs from the credentials for {@code target}, in a fixed order. */
  public static List<Need> needs(Reader reader, BackupTarget target) {
    List<Need> needs = new ArrayList<>();
    if (reader == Reader.RESTIC) {
      needs.add(new Need("the restic repository password", List.of(Role.RESTIC_PASSWORD)));
    }
    switch (target.scheme()) {
      case "s3":
        needs.add(new Need("the access key id", List.of(Role.ACCESS_KEY_ID)));
        needs.add(new Need("the secret access key", List.of(Role.SECRET_ACCESS_KEY)));
        break;
      case "azure":
        if (reader == Reader.RESTIC && target.azureAccount() == null) {
          needs.add(new Need("the storage account name", List.of(Role.AZURE_ACCOUNT)));
        }
        needs.add(reader == Reader.RESTIC
            ? new Need("the storage account key or a SAS token", List.of(Role.AZURE_KEY, Role.AZURE_SAS))
            : new Need("the storage account key, a SAS token or a connection string",
                List.of(Role.AZURE_KEY, Role.AZURE_SAS, Role.AZURE_CONNECTION_STRING)));
        break;
      case "gs":
        needs.add(new Need("the service account key file", List.of(Role.GOOGLE_CREDENTIALS)));
        break;
      default:
        break;
    }
    return needs;
  }

  /**
   * The needs a secret that lists its {@code keys} does not meet; none when it lists no keys (its
   * keys are then taken to have their conventional names, which nothing here can verify).
   */
  public static List<Need> unmet(Reader reader, BackupTarget target, BackupCredentials credentials) {
    if (!credentials.listsKeys()) {
      return List.of();
    }
    return needs(reader, target).stream()
        .filter(n -> n.anyOf().stream().noneMatch(r -> credentials.find(r).isPresent())).toList();
  }

  /**
   * The keys the restic mover's Secret holds beside {@code RESTIC_REPOSITORY}, each mapped to the
   * credentials key it is copied from: every need (a declared key, else the conventional name), plus
   * the optional keys the secret declares (region, project, a SAS token beside a key).
   */
  public static Map<String, String> resticKeys(BackupTarget target, BackupCredentials credentials) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Need need : needs(Reader.RESTIC, target)) {
      Role role = need.anyOf().stream().filter(r -> credentials.find(r).isPresent()).findFirst().orElse(need.anyOf().get(0));
      env.put(RESTIC_ENV.get(role), credentials.key(role));
    }
    for (Role optional : optionalFor(target)) {
      Optional<String> key = credentials.find(optional);
      if (key.isPresent() && !env.containsKey(RESTIC_ENV.get(optional))) {
        env.put(RESTIC_ENV.get(optional), key.get());
      }
    }
    return env;
  }

  /** Keys restic reads for a backend when present, and runs without. */
  private static List<Role> optionalFor(BackupTarget target) {
    switch (target.scheme()) {
      case "s3":
        return List.of(Role.REGION);
      case "azure":
        return List.of(Role.AZURE_SAS);
      case "gs":
        return List.of(Role.GOOGLE_PROJECT);
      default:
        return List.of();
    }
  }
}
