package dev.clusterc.compiler.charts;

import dev.clusterc.compiler.emit.core.ChartException;
import dev.clusterc.compiler.model.Component;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Downloads a chart archive from where a component's {@code chart} says: a Helm repository over
 * HTTP(S) ({@link HelmIndex}: its {@code index.yaml} names the archive's address and digest) or an
 * OCI registry ({@link OciRegistry}). Every failure is a {@link ChartException} whose message says
 * which address failed and how; nothing here writes to disk.
 */
class ChartSource {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  /** An archive as fetched: its bytes, the address they came from, and the SHA-256 it must have (or {@code null}). */
  record Fetched(byte[] bytes, String from, String sha256) {}

  /** Made on the first fetch: a compile whose charts are all cached starts no HTTP client. */
  private HttpClient client;

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }
    return client;
  }

  Fetched fetch(Component.Chart chart) throws ChartException {
    try {
      return chart.oci() ? new OciRegistry(this).fetch(chart) : new HelmIndex(this).fetch(chart);
    } catch (IllegalArgumentException e) {
      throw new ChartException(ChartException.Stage.FETCH, "the repository address is not one Java can fetch ("
          + e.getMessage() + ")", e);
    }
  }

  /** A GET answered 200, with the request's headers; any other answer is a ChartException naming the address. */
  HttpResponse<byte[]> get(URI uri, Map<String, String> headers) throws ChartException {
    HttpResponse<byte[]> response = send(uri, headers);
    if (response.statusCode() != 200) {
      throw new ChartException(ChartException.Stage.FETCH, uri + " answered HTTP " + response.statusCode());
    }
    return response;
  }

  /** A GET with any answer; only a failure to get one at all is a ChartException. */
  HttpResponse<byte[]> send(URI uri, Map<String, String> headers) throws ChartException {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
      headers.forEach(request::header);
      return client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new ChartException(ChartException.Stage.FETCH, uri + " did not answer in time", e);
    } catch (IOException e) {
      throw new ChartException(ChartException.Stage.FETCH, "cannot reach " + uri + " (" + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChartException(ChartException.Stage.FETCH, "interrupted while fetching " + uri, e);
    } catch (IllegalArgumentException e) {
      throw new ChartException(ChartException.Stage.FETCH, uri + " is not an address Java can fetch (" + e.getMessage() + ")", e);
    }
  }

  /** An I/O failure in words: its message, else its kind (a refused connection often has no message). */
  private static String describe(IOException e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String kind = cause.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    return cause.getMessage() == null ? kind : cause.getMessage();
  }

  /** Plain HTTP for a registry on this machine (tests, local mirrors), HTTPS for any other. */
  static String scheme(String host) {
    String name = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    return List.of("127.0.0.1", "localhost", "[::1]").contains(name) ? "http" : "https";
  }
}
