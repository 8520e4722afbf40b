package dev.clusterc.cli.watch;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Why a fetch failed, in one line a person can act on: the remote could not be reached, it refused the
 * credentials or the host key, it has no such branch or repository, or else JGit's own first line.
 * Never the token: every text goes through {@link GitCredentials#redact}.
 */
final class GitFailure {
  private GitFailure() {}

  static String reason(Throwable failure, String url, String branch, GitCredentials credentials) {
    String all = messages(failure).toLowerCase(Locale.ROOT);
    String reason;
    if (credentials.hostKeyRefusal().isPresent()) {
      reason = "SSH host key refused: " + credentials.hostKeyRefusal().get();
    } else if (all.contains("not authorized") || all.contains("authentication") || all.contains("auth fail")
        || all.contains("no more authentication methods")) {
      reason = "authentication failed at " + url + ": " + credentialHint(credentials);
    } else if (all.contains("remote does not have refs/heads/") || all.contains("cannot resolve refs/heads/")) {
      reason = "branch " + branch + " does not exist at " + url;
    } else if (cause(failure, UnknownHostException.class)) {
      reason = "cannot reach " + url + ": unknown host";
    } else if (cause(failure, ConnectException.class) || all.contains("connection refused")) {
      reason = "cannot reach " + url + ": connection refused";
    } else if (cause(failure, NoRouteToHostException.class)) {
      reason = "cannot reach " + url + ": no route to host";
    } else if (cause(failure, SocketTimeoutException.class) || all.contains("timed out") || all.contains("timeout")) {
      reason = "cannot reach " + url + ": timed out";
    } else if (all.contains("repository not found") || all.contains("not found") || all.contains("does not appear to be a git repository")
        || all.contains("not exported")) {
      reason = "no Git repository at " + url;
    } else {
      reason = "fetch from " + url + " failed: " + firstLine(deepest(failure));
    }
    return credentials.redact(reason);
  }

  private static String credentialHint(GitCredentials credentials) {
    return switch (credentials.transport()) {
      case HTTP -> {
        try {
          yield credentials.token().isPresent() ? "the token was refused"
              : "no token given (a token file, or " + GitSettings.TOKEN_VARIABLE + ")";
        } catch (SourceUnavailable e) {
          yield e.getMessage();
        }
      }
      case SSH -> "the SSH key was refused";
      case OTHER -> "credentials refused";
    };
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static boolean cause(Throwable failure, Class<? extends Throwable> kind) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable deepest(Throwable failure) {
    Throwable last = failure;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        last = t;
      }
    }
    return last;
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
