package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Issuer;
import dev.clusterc.compiler.model.Store;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who uses a secret, and where its Kubernetes Secret must exist.
 *
 * <p>The users are the declarations that name it: apps ({@code secret-env}), backups
 * ({@code credentials}), issuers ({@code solver … token}) and components (their own or their
 * {@code use}'s {@code depends-on}: a chart's values can only name a Secret by its name, so
 * {@code depends-on} is how a component says it reads one) and stores (a key selector of their
 * {@code config} names it: {@link StoreKeySelectors}), in source order. The namespaces are
 * where those users read it:
 * <ul>
 *   <li>an app: its namespace;</li>
 *   <li>a component: its namespace;</li>
 *   <li>a store: the namespace of each key selector naming it (else External Secrets');</li>
 *   <li>an issuer: cert-manager's namespace (a ClusterIssuer reads Secrets there);</li>
 *   <li>a backup: the namespaces of the databases it backs up (CloudNativePG reads the credentials
 *   next to the cluster), of the volumes it backs up with restic (VolSync reads them next to the
 *   volume), and for {@code via velero} / {@code via longhorn} the namespace of that component.</li>
 * </ul>
 *
 * <p>The analysis that reads a secret's file checks its namespace against these, and the emitter
 * puts the Secret there, so both ask this class.
 */
public final class SecretUsers {
  /** A namespace where the Secret must exist, and the first user needing it there (whose unit carries the object). */
  public record Placement(String namespace, Decl user) {}

  private SecretUsers() {}

  /** The declarations naming {@code secret}, in the program's order. */
  public static List<Decl> of(ClusterModel program, Decl secret) {
    List<Decl> users = new ArrayList<>();
    for (Decl decl : program.decls()) {
      if (decl.body() == null) {
        continue;
      }
      boolean uses = switch (decl.kind()) {
        case APP -> App.of(program, decl).secretEnv().contains(secret);
        case BACKUP -> Backup.of(program, decl).credentials().declaration() == secret;
        case ISSUER -> {
          Issuer.Solver solver = Issuer.of(program, decl).solver();
          yield solver != null && solver.token() == secret;
        }
        case COMPONENT -> dependsOn(decl.body(), secret) || dependsOn(decl.useBody(), secret);
        case STORE -> StoreKeySelectors.of(program, Store.of(program, decl)).stream().anyMatch(s -> s.name().equals(secret.name()));
        default -> false;
      };
      if (uses) {
        users.add(decl);
      }
    }
    return users;
  }

  private static boolean dependsOn(BoundBlock body, Decl secret) {
    return body != null && body.all("depends-on").stream().anyMatch(e -> e.refs("value").contains(secret));
  }

  /** Every namespace the secret is needed in, once, with the first user needing it there. */
  public static List<Placement> placements(ClusterModel program, Namespaces namespaces, Decl secret) {
    Map<String, Placement> byNamespace = new LinkedHashMap<>();
    for (Decl user : of(program, secret)) {
      for (String namespace : namespaces(program, namespaces, user, secret)) {
        byNamespace.putIfAbsent(namespace, new Placement(namespace, user));
      }
    }
    return List.copyOf(byNamespace.values());
  }

  private static List<String> namespaces(ClusterModel program, Namespaces namespaces, Decl user, Decl secret) {
    switch (user.kind()) {
      case APP:
      case COMPONENT:
        return List.of(namespaces.of(user));
      case STORE:
        return StoreKeySelectors.of(program, Store.of(program, user)).stream()
            .filter(s -> s.name().equals(secret.name())).map(StoreKeySelectors.Selector::namespace).distinct().toList();
      case ISSUER:
        return List.of(componentNamespace(program, namespaces, "cert-manager", "cert-manager"));
      case BACKUP:
        List<String> out = new ArrayList<>();
        Backup.Via via = Backup.of(program, user).via();
        for (Decl database : program.decls(Kind.DATABASE)) {
          if (Database.of(program, database).backup() == user) {
            out.add(namespaces.of(database));
          }
        }
        if (via == Backup.Via.VELERO) {
          out.add(componentNamespace(program, namespaces, "velero", "velero"));
        } else if (via == Backup.Via.LONGHORN) {
          out.add(componentNamespace(program, namespaces, "longhorn", "longhorn-system"));
        } else {
          for (Decl volume : program.decls(Kind.VOLUME)) {
            if (Volume.of(program, volume).backup() == user) {
              out.add(namespaces.of(volume));
            }
          }
        }
        return out;
      default:
        return List.of();
    }
  }

  private static String componentNamespace(ClusterModel program, Namespaces namespaces, String capability, String fallback) {
    return program.providers(capability).stream().findFirst().map(namespaces::of).orElse(fallback);
  }
}
