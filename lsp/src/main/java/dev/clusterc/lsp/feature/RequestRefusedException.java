package dev.clusterc.lsp.feature;

/**
 * A request the server will not carry out, with a sentence that says why ("there is already a
 * volume named `data`"): the editor shows it to the user as the request's error. It is not a crash
 * and is not logged as one; the protocol glue turns it into a JSON-RPC error response.
 */
public final class RequestRefusedException extends RuntimeException {
  public RequestRefusedException(String reason) {
    super(reason, null, false, false);
  }
}
