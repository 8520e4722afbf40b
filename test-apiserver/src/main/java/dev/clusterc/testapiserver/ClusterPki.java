package dev.clusterc.testapiserver;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates and keys of one {@link TestCluster}, as PEM files in a directory: a CA that
 * signs the API server's serving certificate (SANs 127.0.0.1, localhost, kubernetes.default.svc),
 * an admin client certificate in {@code system:masters} (used by the tests, kubectl, the
 * controllers and kwok), the front-proxy client certificate the requestheader flags name, and the
 * service-account signing key pair.
 *
 * <p>One CA for everything is enough on loopback; a real cluster keeps the front proxy's apart.
 */
record ClusterPki(Path caCert, Path servingCert, Path servingKey, Path adminCert, Path adminKey,
    Path frontProxyCert, Path frontProxyKey, Path serviceAccountKey, Path serviceAccountPublicKey) {

  /** The common name the API server accepts request headers from. */
  static final String FRONT_PROXY_CLIENT = "front-proxy-client";

  private static final Duration VALIDITY = Duration.ofDays(30);
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** Writes a new PKI into {@code dir} (created if missing). */
  static ClusterPki create(Path dir) {
    try {
      Files.createDirectories(dir);
      ClusterPki pki = new ClusterPki(dir.resolve("ca.crt"), dir.resolve("apiserver.crt"),
          dir.resolve("apiserver.key"), dir.resolve("admin.crt"), dir.resolve("admin.key"),
          dir.resolve("front-proxy-client.crt"), dir.resolve("front-proxy-client.key"),
          dir.resolve("sa.key"), dir.resolve("sa.pub"));
      KeyPair ca = rsa();
      X500Name caName = new X500Name("CN=clusterc-test-ca");
      X509Certificate caCert = sign(caName, caName, ca.getPublic(), ca.getPrivate(), true, null,
          null);
      write(pki.caCert, caCert);

      KeyPair serving = rsa();
      GeneralNames sans = new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.dNSName, "kubernetes"),
          new GeneralName(GeneralName.dNSName, "kubernetes.default"),
          new GeneralName(GeneralName.dNSName, "kubernetes.default.svc")});
      write(pki.servingCert, sign(new X500Name("CN=kube-apiserver"), caName, serving.getPublic(),
          ca.getPrivate(), false, KeyPurposeId.id_kp_serverAuth, sans));
      write(pki.servingKey, serving.getPrivate());

      KeyPair admin = rsa();
      write(pki.adminCert, sign(new X500Name("O=system:masters,CN=clusterc-admin"), caName,
          admin.getPublic(), ca.getPrivate(), false, KeyPurposeId.id_kp_clientAuth, null));
      write(pki.adminKey, admin.getPrivate());

      KeyPair proxy = rsa();
      write(pki.frontProxyCert, sign(new X500Name("CN=" + FRONT_PROXY_CLIENT), caName,
          proxy.getPublic(), ca.getPrivate(), false, KeyPurposeId.id_kp_clientAuth, null));
      write(pki.frontProxyKey, proxy.getPrivate());

      KeyPair serviceAccount = rsa();
      write(pki.serviceAccountKey, serviceAccount.getPrivate());
      write(pki.serviceAccountPublicKey, serviceAccount.getPublic());
      return pki;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create the test cluster's certificates: " + e, e);
    }
  }

  /** A PEM file's text, for embedding in a kubeconfig. */
  static String read(Path pem) {
    try {
      return Files.readString(pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X500Name subject, X500Name issuer,
      PublicKey key, PrivateKey issuerKey, boolean ca, KeyPurposeId purpose,
      GeneralNames sans) throws IOException, GeneralSecurityException, OperatorCreationException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)), subject, key);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (ca) {
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
    } else {
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    }
    if (sans != null) {
      builder.addExtension(Extension.subjectAlternativeName, false, sans);
    }
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
  }

  private static void write(Path file, Object pemObject) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(pemObject);
    }
    Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }
}
