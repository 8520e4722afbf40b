package dev.clusterc.cli.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A Git server over SSH on 127.0.0.1 for tests: Apache MINA sshd (the classes JGit's SSH transport
 * already brings) with a fresh host key, accepting one client key, running {@code git-upload-pack} on the
 * bare repositories under a directory with JGit's {@link UploadPack}. Fetch only.
 */
final class GitSshServer implements AutoCloseable {
  private final SshServer server;
  private final KeyPair hostKey;

  private GitSshServer(SshServer server, KeyPair hostKey) {
    this.server = server;
    this.hostKey = hostKey;
  }

  /** A running server over the repositories under {@code repos} that lets in only {@code clientKey}. */
  static GitSshServer start(Path repos, KeyPair clientKey) {
    KeyPair hostKey = newKey();
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey.getPublic()));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setCommandFactory(uploadPack(repos));
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GitSshServer(server, hostKey);
  }

  int port() {
    return server.getPort();
  }

  /** The known_hosts line for this server's host key. */
  String knownHostsLine() {
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  /** A fresh ECDSA (nistp256) key pair. */
  static KeyPair newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code key}'s private half to {@code file} in OpenSSH format, without passphrase. */
  static Path writePrivateKey(KeyPair key, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "clusterc-test", null, out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.stop(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CommandFactory uploadPack(Path repos) {
    return (channel, command) -> {
      List<String> words = CommandFactory.split(command);
      if (words.size() != 2 || !words.get(0).equals("git-upload-pack")) {
        throw new IOException("only git-upload-pack is served, not: " + command);
      }
      String name = words.get(1).replace("'", "");
      Path repo = repos.resolve(name.startsWith("/") ? name.substring(1) : name).normalize();
      if (!repo.startsWith(repos)) {
        throw new IOException("outside the served repositories: " + name);
      }
      return new UploadPackCommand(repo);
    };
  }

  /** {@code git-upload-pack} on one bare repository, on a thread of its own. */
  private static final class UploadPackCommand implements Command {
    private final Path repo;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    UploadPackCommand(Path repo) {
      this.repo = repo;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
      this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread serve = new Thread(() -> {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(repo.toFile()).setMustExist(true).build()) {
          new UploadPack(repository).upload(in, out, err);
          out.flush();
          exit.onExit(0);
        } catch (IOException | RuntimeException e) {
          exit.onExit(1, String.valueOf(e.getMessage()));
        }
      }, "test-ssh-upload-pack");
      serve.setDaemon(true);
      serve.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
      // the thread ends with the streams
    }
  }
}
