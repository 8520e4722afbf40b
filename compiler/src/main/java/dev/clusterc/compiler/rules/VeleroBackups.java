package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.BackupCredentials;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Velero needs of a {@code backup … via velero} policy, shared by the check
 * ({@code backup-via}) and the emitters.
 *
 * <p>Velero writes only to object storage, through a provider plugin: {@code s3://} is the
 * {@code aws} provider, {@code azure://} {@code azure}, {@code gs://} {@code gcp}; an {@code nfs://}
 * target has none. Its plugins read the credentials as one file ({@code [default]
 * aws_access_key_id=…}), held by one key of the secret, which the BackupStorageLocation names: the
 * key {@code cloud} (the name Velero's own tools use), else a key whose name has {@code credentials}
 * or {@code cloud} in it; a secret that declares no keys is assumed to hold {@code cloud}.
 */
public final class VeleroBackups {
  /** The capability of the Velero component. */
  public static final String CAPABILITY = "velero";
  /** Where Velero runs when no component in use says otherwise. */
  public static final String DEFAULT_NAMESPACE = "velero";
  /** The key of the credentials file when the secret declares no keys. */
  public static final String DEFAULT_KEY = "cloud";

  private static final Pattern PLUGIN = Pattern.compile("velero-plugin-for-([a-z]+)");

  private VeleroBackups() {}

  /** The provider plugin of a target, or {@code null} when Velero cannot write there. */
  public static String provider(BackupTarget target) {
    return switch (target.scheme()) {
      case "s3" -> "aws";
      case "azure" -> "azure";
      case "gs" -> "gcp";
      default -> null;
    };
  }

  /** The key of the credentials secret that holds the credentials file, if one is recognised. */
  public static Optional<String> credentialsKey(BackupCredentials credentials) {
    if (credentials.secret() == null) {
      return Optional.empty();
    }
    if (credentials.keys().isEmpty()) {
      return Optional.of(DEFAULT_KEY);
    }
    for (String key : credentials.keys()) {
      if (key.equalsIgnoreCase(DEFAULT_KEY)) {
        return Optional.of(key);
      }
    }
    return credentials.keys().stream().filter(k -> {
      String name = k.toLowerCase(Locale.ROOT);
      return name.contains("credentials") || name.contains("cloud");
    }).findFirst();
  }

  /**
   * The providers whose object-store plugin the Velero component loads: each init container of its
   * values whose image is {@code …/velero-plugin-for-PROVIDER:…}. Empty when no component provides
   * Velero (reported as {@code missing-provider}).
   */
  public static Set<String> plugins(ClusterModel model) {
    Set<String> plugins = new TreeSet<>();
    for (Decl provider : model.providers(CAPABILITY)) {
      if (Component.of(model, provider).values().get("initContainers") instanceof List<?> containers) {
        for (Object container : containers) {
          if (container instanceof Map<?, ?> map && map.get("image") instanceof String image) {
            Matcher plugin = PLUGIN.matcher(image);
            if (plugin.find()) {
              plugins.add(plugin.group(1));
            }
          }
        }
      }
    }
    return plugins;
  }

  /** The namespace of the component that provides Velero, else {@link #DEFAULT_NAMESPACE}. */
  public static String namespace(ClusterModel model, Function<Decl, String> namespaceOf) {
    return model.providers(CAPABILITY).stream().findFirst().map(namespaceOf).orElse(DEFAULT_NAMESPACE);
  }

  /** The namespaces of the volumes backed up by {@code policy}, sorted: what its Schedule includes. */
  public static SortedSet<String> namespaces(ClusterModel model, Function<Decl, String> namespaceOf, Decl policy) {
    SortedSet<String> out = new TreeSet<>();
    for (Decl volume : model.decls(Kind.VOLUME)) {
      if (Volume.of(model, volume).backup() == policy) {
        out.add(namespaceOf.apply(volume));
      }
    }
    return out;
  }
}
