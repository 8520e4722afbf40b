package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.emit.app.AppEmitter;
import dev.clusterc.compiler.emit.component.ComponentEmitter;
import dev.clusterc.compiler.emit.component.DnsEmitter;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.network.CertificateEmitter;
import dev.clusterc.compiler.emit.network.GatewayEmitter;
import dev.clusterc.compiler.emit.network.IssuerEmitter;
import dev.clusterc.compiler.emit.network.PoolEmitter;
import dev.clusterc.compiler.emit.network.VipEmitter;
import dev.clusterc.compiler.emit.secret.SecretEmitter;
import dev.clusterc.compiler.emit.storage.BackupEmitter;
import dev.clusterc.compiler.emit.storage.DatabaseEmitter;
import dev.clusterc.compiler.emit.storage.StoreEmitter;
import dev.clusterc.compiler.emit.storage.VolumeEmitter;
import dev.clusterc.compiler.schema.Kind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The emitter of each kind. Kinds without one (node, cluster) emit nothing of their own. */
final class Emitters {
  private static final Map<Kind, Emitter> BY_KIND = new EnumMap<>(Kind.class);

  static {
    BY_KIND.put(Kind.APP, new AppEmitter());
    BY_KIND.put(Kind.VOLUME, new VolumeEmitter());
    BY_KIND.put(Kind.DATABASE, new DatabaseEmitter());
    BY_KIND.put(Kind.COMPONENT, new ComponentEmitter());
    BY_KIND.put(Kind.VIP, new VipEmitter());
    BY_KIND.put(Kind.POOL, new PoolEmitter());
    BY_KIND.put(Kind.GATEWAY, new GatewayEmitter());
    BY_KIND.put(Kind.DNS, new DnsEmitter());
    BY_KIND.put(Kind.CERTIFICATE, new CertificateEmitter());
    BY_KIND.put(Kind.ISSUER, new IssuerEmitter());
    BY_KIND.put(Kind.STORE, new StoreEmitter());
    BY_KIND.put(Kind.BACKUP, new BackupEmitter());
  }

  private Emitters() {}

  /** A fresh emitter for secrets (it records its fallbacks), the shared one of any other kind. */
  static Optional<Emitter> of(Kind kind) {
    if (kind == Kind.SECRET) {
      return Optional.of(new SecretEmitter());
    }
    return Optional.ofNullable(BY_KIND.get(kind));
  }
}
