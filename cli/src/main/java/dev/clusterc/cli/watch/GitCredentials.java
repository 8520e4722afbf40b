package dev.clusterc.cli.watch;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * How {@link GitSource} proves who it is: an HTTPS token (from the token file, read at every fetch; else
 * from {@value GitSettings#TOKEN_VARIABLE}; the file wins) sent as the password of Basic
 * authentication, or an SSH private key through JGit's Apache MINA transport with strict host key
 * checking ({@link KnownHostsDatabase}). The token is never part of a message.
 */
final class GitCredentials implements AutoCloseable {
  /** The user name sent with a token when the URL names none (GitHub's; other forges accept any). */
  static final String TOKEN_USER = "x-access-token";

  /** A user name this long is masked anywhere in a text; a shorter one cannot be a token. */
  static final int MASKED_USER_LENGTH = 4;

  /** The user information of an http(s) URL in a text: {@code https://} then anything up to an {@code @} before the host. */
  private static final Pattern HTTP_USER_INFO = Pattern.compile("(?i)(https?://)[^/@\\s]*@");

  private final GitSettings settings;
  private final Function<String, String> environment;
  private final Transport transport;
  private final KnownHostsDatabase knownHosts;
  private SshdSessionFactory ssh;
  private volatile String lastToken;

  /** The kinds of URL, as far as credentials go. */
  enum Transport {
    HTTP, SSH, OTHER
  }

  GitCredentials(GitSettings settings, Function<String, String> environment) {
    this.settings = settings;
    this.environment = environment;
    this.transport = transportOf(settings.url());
    Path knownHostsFile = settings.knownHosts()
        .orElse(Path.of(FS.DETECTED.userHome().getPath(), ".ssh", "known_hosts"));
    this.knownHosts = new KnownHostsDatabase(knownHostsFile);
  }

  /** Gives {@code command} the credentials this URL needs. */
  void configure(TransportCommand<?, ?> command) throws SourceUnavailable {
    switch (transport) {
      case HTTP -> {
        Optional<String> token = token();
        if (token.isPresent()) {
          lastToken = token.get();
          command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(tokenUser(), token.get()));
        }
      }
      case SSH -> {
        knownHosts.forget();
        SshdSessionFactory factory = sshFactory();
        command.setTransportConfigCallback(transport -> {
          if (transport instanceof SshTransport sshTransport) {
            sshTransport.setSshSessionFactory(factory);
          }
        });
      }
      case OTHER -> {
        // git:// and file:// carry no credentials
      }
    }
  }

  /** The HTTPS token: the token file's content (trimmed) if a file is given, else the environment's. */
  Optional<String> token() throws SourceUnavailable {
    if (settings.tokenFile().isPresent()) {
      Path file = settings.tokenFile().get();
      try {
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
          throw new SourceUnavailable("the token file " + file + " is empty", settings.interval(), null);
        }
        return Optional.of(token);
      } catch (IOException e) {
        throw new SourceUnavailable("cannot read the token file " + file + " (" + e.getClass().getSimpleName() + ")",
            settings.interval(), null);
      }
    }
    String fromEnvironment = environment.apply(GitSettings.TOKEN_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank() ? Optional.empty() : Optional.of(fromEnvironment.strip());
  }

  /**
   * {@code text} with the last token sent and the URL's password masked; on http(s) also the URL's user
   * name (it may be the token: {@code https://TOKEN@host/…}), wherever it appears if it has at least
   * {@value #MASKED_USER_LENGTH} characters, and always as the user information of an http(s) URL in
   * the text, which is dropped from every such URL.
   */
  String redact(String text) {
    String result = text;
    String token = lastToken;
    if (token != null && !token.isEmpty()) {
      result = result.replace(token, "***");
    }
    try {
      URIish uri = new URIish(settings.url());
      if (uri.getPass() != null && !uri.getPass().isEmpty()) {
        result = result.replace(uri.getPass(), "***");
      }
      String user = uri.getUser();
      if (transport == Transport.HTTP && user != null && user.length() >= MASKED_USER_LENGTH) {
        result = result.replace(user, "***");
      }
    } catch (URISyntaxException e) {
      // nothing to mask
    }
    return transport == Transport.HTTP ? HTTP_USER_INFO.matcher(result).replaceAll("$1") : result;
  }


  /** Why the last SSH server was refused, if it was. */
  Optional<String> hostKeyRefusal() {
    return knownHosts.lastRefusal();
  }

  Transport transport() {
    return transport;
  }

  @Override
  public synchronized void close() {
    if (ssh != null) {
      ssh.close();
      ssh = null;
    }
  }

  private String tokenUser() {
    try {
      String user = new URIish(settings.url()).getUser();
      return user == null || user.isEmpty() ? TOKEN_USER : user;
    } catch (URISyntaxException e) {
      return TOKEN_USER;
    }
  }

  /** One session factory for the life of the source: the user's key, strict host keys, no ~/.ssh/config. */
  private synchronized SshdSessionFactory sshFactory() {
    if (ssh == null) {
      File home = FS.DETECTED.userHome();
      SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
          .setHomeDirectory(home)
          .setSshDirectory(new File(home, ".ssh"))
          .setPreferredAuthentications("publickey")
          .setConfigStoreFactory((homeDir, configFile, localUser) -> null)
          .setServerKeyDatabase((homeDir, sshDir) -> knownHosts);
      settings.sshKey().ifPresent(key -> builder.setDefaultIdentities(sshDir -> List.of(key)));
      ssh = builder.build(null);
    }
    return ssh;
  }

  static Transport transportOf(String url) {
    try {
      URIish uri = new URIish(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.equals("http") || scheme.equals("https")) {
        return Transport.HTTP;
      }
      if (scheme.equals("ssh") || scheme.equals("git+ssh") || scheme.equals("ssh+git")
          || (scheme.isEmpty() && uri.getHost() != null)) {
        return Transport.SSH;
      }
      return Transport.OTHER;
    } catch (URISyntaxException e) {
      return Transport.OTHER;
    }
  }
}
