package dev.clusterc.cli.watch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Strict host key checking against one known_hosts file: an SSH server is trusted only if the file
 * lists its key under its name or address; a host that is not listed, or that shows a different key,
 * is refused. The file is never written (no trust on first use) and is read at every connection, so a
 * mounted file that changes is followed. The reason for the last refusal is kept for the error message.
 */
final class KnownHostsDatabase implements ServerKeyDatabase {
  private static final String REVOKED = "revoked";

  private final Path file;
  private volatile String refusal;

  KnownHostsDatabase(Path file) {
    this.file = file;
  }

  /** Forgets the last refusal, before a new connection. */
  void forget() {
    refusal = null;
  }

  /** Why the last server was refused, if it was. */
  Optional<String> lastRefusal() {
    return Optional.ofNullable(refusal);
  }

  @Override
  public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
    List<PublicKey> keys = new ArrayList<>();
    for (Listed listed : listedFor(connectAddress, remoteAddress)) {
      if (!listed.revoked()) {
        keys.add(listed.key());
      }
    }
    return keys;
  }

  @Override
  public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey, Configuration config,
      CredentialsProvider provider) {
    List<Listed> listed = listedFor(connectAddress, remoteAddress);
    for (Listed entry : listed) {
      if (KeyUtils.compareKeys(entry.key(), serverKey)) {
        if (entry.revoked()) {
          refusal = "the host key of " + connectAddress + " is marked revoked in " + file;
          return false;
        }
        refusal = null;
        return true;
      }
    }
    refusal = listed.isEmpty()
        ? connectAddress + " is not listed in " + file + " (add its host key there)"
        : "the host key of " + connectAddress + " differs from the one in " + file;
    return false;
  }

  private List<Listed> listedFor(String connectAddress, InetSocketAddress remoteAddress) {
    List<Listed> result = new ArrayList<>();
    if (!Files.isReadable(file)) {
      return result;
    }
    List<KnownHostEntry> entries;
    try {
      entries = KnownHostEntry.readKnownHostEntries(file);
    } catch (IOException e) {
      return result;
    }
    String[] named = hostAndPort(connectAddress);
    int namedPort = Integer.parseInt(named[1]);
    String address = remoteAddress.getAddress() == null ? remoteAddress.getHostString() : remoteAddress.getAddress().getHostAddress();
    for (KnownHostEntry entry : entries) {
      if (entry.getKeyEntry() == null) {
        continue;
      }
      if (entry.isHostMatch(named[0], namedPort) || entry.isHostMatch(address, remoteAddress.getPort())) {
        try {
          PublicKey key = entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
          if (key != null) {
            result.add(new Listed(key, REVOKED.equals(entry.getMarker())));
          }
        } catch (IOException | GeneralSecurityException e) {
          // a line we cannot read lists nothing
        }
      }
    }
    return result;
  }

  /** {@code host}, {@code host:port} or {@code [host]:port} as host and port (22 when none). */
  static String[] hostAndPort(String address) {
    if (address.startsWith("[")) {
      int end = address.indexOf(']');
      String host = address.substring(1, Math.max(1, end));
      String port = end >= 0 && address.length() > end + 2 && address.charAt(end + 1) == ':' ? address.substring(end + 2) : "22";
      return new String[] {host, digitsOr22(port)};
    }
    int colon = address.lastIndexOf(':');
    if (colon > 0 && address.indexOf(':') == colon) {
      return new String[] {address.substring(0, colon), digitsOr22(address.substring(colon + 1))};
    }
    return new String[] {address, "22"};
  }

  private static String digitsOr22(String port) {
    return port.matches("\\d{1,5}") ? port : "22";
  }

  private record Listed(PublicKey key, boolean revoked) {}
}
