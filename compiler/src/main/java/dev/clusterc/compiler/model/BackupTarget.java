package dev.clusterc.compiler.model;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.Locale;

/**
 * A backup policy's {@code target} and {@code endpoint}, taken apart once so that restic (VolSync)
 * and Barman (CloudNativePG) can each be told the same place in their own notation.
 *
 * <p>The forms read: {@code s3://BUCKET[@REGION][/PREFIX]} (with {@code endpoint} for an S3-compatible
 * service, AWS otherwise; {@code @REGION} is Longhorn's notation, given to the other tools apart),
 * {@code azure://ACCOUNT.blob.SUFFIX/CONTAINER[/PREFIX]} or
 * {@code azure://CONTAINER[/PREFIX]} (the account then comes from {@code endpoint}, else from the
 * credentials), {@code gs://BUCKET[/PREFIX]}, and {@code nfs://SERVER[:]/PATH}.
 *
 * @param text the target as written
 * @param span where it was written
 * @param entry the whole {@code target} entry, for diagnostics that point at the policy's line
 * @param scheme {@code s3}, {@code azure}, {@code gs} or {@code nfs}
 * @param bucket the S3 or GCS bucket, the Azure container, or the NFS server
 * @param prefix the path inside the bucket without leading or trailing {@code /} (may be empty); for
 *     NFS the exported directory, absolute
 * @param accountHost the Azure blob host ({@code ACCOUNT.blob.core.windows.net}), or {@code null}
 * @param endpoint the policy's {@code endpoint} without a trailing {@code /}, or {@code null}
 * @param region the S3 region of {@code s3://BUCKET@REGION/…}, or {@code null} when not written
 */
public record BackupTarget(
    String text, SourceSpan span, SourceSpan entry, String scheme, String bucket, String prefix, String accountHost,
    String endpoint, String region) {

  /** Where VolSync mounts an NFS target in the restic mover: {@code /mnt/} and this. */
  public static final String NFS_MOUNT = "restic-nfs";

  private static final String AZURE_SUFFIX = "core.windows.net";

  /** Takes {@code text} apart; {@code endpoint} is the policy's, or {@code null}. */
  static BackupTarget parse(String text, SourceSpan span, SourceSpan entry, String endpoint) {
    endpoint = endpoint == null ? null : endpoint.replaceAll("/+$", "");
    int colon = text.indexOf("://");
    String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? text : text.substring(colon + 3);
    if (scheme.equals("nfs")) {
      int slash = rest.indexOf('/');
      String server = slash < 0 ? rest : rest.substring(0, slash);
      String path = slash < 0 ? "/" : rest.substring(slash).replaceAll("/+$", "");
      return new BackupTarget(text, span, entry, scheme, server.replaceAll(":$", ""), path.isEmpty() ? "/" : path, null, endpoint,
          null);
    }
    String[] parts = rest.replaceAll("^/+|/+$", "").split("/", 2);
    String first = parts[0];
    String tail = parts.length > 1 ? parts[1] : "";
    if (scheme.equals("azure") && first.contains(".")) {
      String[] container = tail.split("/", 2);
      return new BackupTarget(text, span, entry, scheme, container[0], container.length > 1 ? container[1] : "", first, endpoint,
          null);
    }
    String accountHost = scheme.equals("azure") && endpoint != null ? endpoint.replaceAll("^[a-z]+://", "") : null;
    int at = scheme.equals("s3") ? first.indexOf('@') : -1;
    String region = at < 0 || at == first.length() - 1 ? null : first.substring(at + 1);
    return new BackupTarget(text, span, entry, scheme, at < 0 ? first : first.substring(0, at), tail, accountHost, endpoint, region);
  }

  /** The restic repository of one volume: its own directory under the target, as restic writes it. */
  public String resticRepository(String volume) {
    String path = prefix.isEmpty() ? volume : prefix + "/" + volume;
    switch (scheme) {
      case "s3":
        return "s3:" + (endpoint != null ? endpoint : "s3.amazonaws.com") + "/" + bucket + "/" + path;
      case "azure":
        return "azure:" + bucket + ":/" + path;
      case "gs":
        return "gs:" + bucket + ":/" + path;
      case "nfs":
        return "/mnt/" + NFS_MOUNT + "/" + volume;
      default:
        return text;
    }
  }

  /** Whether the target is an {@code nfs://} export rather than an object store. */
  public boolean nfs() {
    return scheme.equals("nfs");
  }

  /** The Azure storage account named by the target or the endpoint ({@code ACCOUNT} of its host), or {@code null}. */
  public String azureAccount() {
    return accountHost == null ? null : accountHost.split("\\.", 2)[0];
  }

  /** The Azure endpoint suffix when it is not the public cloud's {@code core.windows.net}, or {@code null}. */
  public String azureEndpointSuffix() {
    if (accountHost == null || !accountHost.contains(".blob.")) {
      return null;
    }
    String suffix = accountHost.substring(accountHost.indexOf(".blob.") + ".blob.".length());
    return suffix.equals(AZURE_SUFFIX) ? null : suffix;
  }

  /**
   * Barman's {@code destinationPath}: the target for S3 and GCS; for Azure the container's URL on
   * the account's blob host, {@code https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX]}, the
   * one form from which Barman takes the account (an {@code http://} endpoint, an emulator, keeps its
   * scheme). An Azure target whose account is named nowhere is written as it is; the checker
   * reports it, so it never reaches a cluster.
   */
  public String barmanDestinationPath() {
    String path = prefix.isEmpty() ? "" : "/" + prefix;
    switch (scheme) {
      case "s3":
      case "gs":
        return scheme + "://" + bucket + path;
      case "azure":
        if (accountHost == null) {
          return text;
        }
        boolean plain = !accountInTarget() && endpoint != null && endpoint.startsWith("http://");
        return (plain ? "http://" : "https://") + accountHost + "/" + bucket + path;
      default:
        return text;
    }
  }

  /** Whether Barman reads this Azure target's account from its URL: a host on Azure's public blob domain. */
  public boolean azurePublicBlobHost() {
    return accountHost != null && accountHost.endsWith(".blob." + AZURE_SUFFIX);
  }

  /** Whether an Azure target names its account host itself, rather than through {@code endpoint}. */
  private boolean accountInTarget() {
    return text.substring(text.indexOf("://") + 3).replaceAll("^/+", "").split("/", 2)[0].contains(".");
  }

  /** Barman's {@code endpointURL}: the S3-compatible service, or {@code null} for AWS and the other schemes. */
  public String barmanEndpoint() {
    return scheme.equals("s3") ? endpoint : null;
  }
}
