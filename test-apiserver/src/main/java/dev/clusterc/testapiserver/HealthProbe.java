package dev.clusterc.testapiserver;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Waits for a {@link TestCluster} program's health endpoint to answer 200, failing early with the
 * program's log when it exits. The controllers serve self-signed certificates generated at start,
 * so the probe trusts any certificate; it only ever talks to 127.0.0.1 and reads no data.
 */
final class HealthProbe {

  private static final Duration POLL = Duration.ofMillis(100);
  // HTTP/1.1: Go's servers answer the JDK client's HTTP/2 requests with GOAWAY
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .sslContext(trustingEverything())
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  private HealthProbe() {}

  /** Polls {@code url} until it answers 200; the timeout only bounds a failure. */
  static void await(ChildProcess process, URI url, Duration timeout) {
    awaitCondition(process, url.toString(), timeout, () -> answersOk(url));
  }

  /** Polls {@code condition} while {@code process} runs; fails with its log otherwise. */
  static void awaitCondition(ChildProcess process, String what, Duration timeout,
      BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(process.name() + " exited before " + what + ". "
            + process.describeFailure());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what + " after "
            + timeout.toSeconds() + " s. " + process.describeFailure());
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  static boolean answersOk(URI url) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static SSLContext trustingEverything() {
    // an X509ExtendedTrustManager, or JSSE wraps it and still checks the host name
    TrustManager trustAll = new X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
