package dev.clusterc.testapiserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Writes the one kubeconfig of a {@link TestCluster}: the admin identity with every certificate
 * embedded, so the file alone works for kubectl, the controllers, kwok and fabric8.
 */
final class KubeconfigFile {

  /** The context, cluster and user name in the file. */
  static final String NAME = "clusterc-test";

  private KubeconfigFile() {}

  static Path write(Path file, int apiServerPort, ClusterPki pki) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: https://127.0.0.1:%2$d
            certificate-authority-data: %3$s
        users:
        - name: %1$s
          user:
            client-certificate-data: %4$s
            client-key-data: %5$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: default
        current-context: %1$s
        """.formatted(NAME, apiServerPort, base64(pki.caCert()), base64(pki.adminCert()),
        base64(pki.adminKey()));
    try {
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String base64(Path pem) {
    return Base64.getEncoder()
        .encodeToString(ClusterPki.read(pem).getBytes(StandardCharsets.US_ASCII));
  }
}
