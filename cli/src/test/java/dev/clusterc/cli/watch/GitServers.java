package dev.clusterc.cli.watch;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.DaemonClient;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * Real Git servers in the test JVM over bare repositories under one directory: JGit's {@link Daemon}
 * ({@code git://}, push enabled) and {@link GitServlet} in Jetty (smart HTTP, behind a filter that asks
 * for Basic authentication with a token), plus {@code file://}. Each can be stopped and started again
 * on the same port. {@link Repo#commit} writes files in a work repository and pushes them to the bare
 * one, as a developer would. Close it in {@code @AfterAll}: the servers' threads keep the JVM alive.
 */
final class GitServers implements AutoCloseable {
  private final Path base;
  private final String token;
  private final FileResolver<DaemonClient> daemonRepos;
  private final List<String> httpUsers = new CopyOnWriteArrayList<>();
  private Daemon daemon;
  private int daemonPort;
  private Server jetty;
  private int httpPort;

  private GitServers(Path base, String token) {
    this.base = base;
    this.token = token;
    this.daemonRepos = new FileResolver<>(base.resolve("repos").toFile(), true);
  }

  /** Both servers running on 127.0.0.1 over the repositories under {@code base/repos}; HTTP wants {@code token}. */
  static GitServers start(Path base, String token) {
    try {
      Files.createDirectories(base.resolve("repos"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GitServers servers = new GitServers(base, token);
    servers.startDaemon();
    servers.startHttp();
    return servers;
  }

  /** A new bare repository {@code name} with its work repository; empty until the first commit. */
  Repo repository(String name) {
    try {
      Path bare = base.resolve("repos").resolve(name + ".git");
      Git.init().setBare(true).setGitDir(bare.toFile()).setInitialBranch("main").call().close();
      Path work = base.resolve("work").resolve(name);
      Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
      return new Repo(name, bare, work, git);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where the bare repositories lie (for other servers over the same repositories). */
  Path repositories() {
    return base.resolve("repos");
  }

  /** The user names the HTTP server was sent with a correct token. */
  List<String> httpUsers() {
    return List.copyOf(httpUsers);
  }

  synchronized void startDaemon() {
    try {
      daemon = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), daemonPort));
      daemon.setRepositoryResolver(daemonRepos);
      daemon.getService("git-receive-pack").setEnabled(true);
      daemon.start();
      daemonPort = daemon.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void stopDaemon() {
    if (daemon != null) {
      try {
        daemon.stopAndWait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      daemon = null;
    }
  }

  synchronized void startHttp() {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(httpPort);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    GitServlet git = new GitServlet();
    git.setRepositoryResolver(new FileResolver<>(base.resolve("repos").toFile(), true));
    context.addServlet(new ServletHolder(git), "/git/*");
    context.addFilter(new FilterHolder(new TokenFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not start", e);
    }
    httpPort = connector.getLocalPort();
    jetty = server;
  }

  synchronized void stopHttp() {
    if (jetty != null) {
      try {
        jetty.stop();
      } catch (Exception e) {
        throw new IllegalStateException("Jetty did not stop", e);
      }
      jetty = null;
    }
  }

  @Override
  public void close() {
    stopDaemon();
    stopHttp();
  }

  /** Lets a request through only with Basic authentication whose password is the token. */
  private final class TokenFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
      String header = ((HttpServletRequest) request).getHeader("Authorization");
      if (header != null && header.startsWith("Basic ")) {
        String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon >= 0 && pair.substring(colon + 1).equals(token)) {
          httpUsers.add(pair.substring(0, colon));
          chain.doFilter(request, response);
          return;
        }
      }
      HttpServletResponse http = (HttpServletResponse) response;
      http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
      http.sendError(401);
    }
  }

  /** One repository: a bare one the servers serve and a work repository that pushes to it. */
  final class Repo {
    private final String name;
    private final Path bare;
    private final Path work;
    private final Git git;

    private Repo(String name, Path bare, Path work, Git git) {
      this.name = name;
      this.bare = bare;
      this.work = work;
      this.git = git;
    }

    /** The URL of this repository on an SSH server on 127.0.0.1:{@code port} serving {@link #repositories()}. */
    String sshUrl(int port) {
      return "ssh://git@127.0.0.1:" + port + "/" + name + ".git";
    }

    String fileUrl() {
      return bare.toUri().toString();
    }

    String gitUrl() {
      return "git://127.0.0.1:" + daemonPort + "/" + name + ".git";
    }

    String httpUrl() {
      return "http://127.0.0.1:" + httpPort + "/git/" + name + ".git";
    }

    /** Writes {@code files} (path → text; a {@code null} text deletes), commits on main and pushes; the commit id. */
    String commit(Map<String, String> files, String message) {
      return commit("main", files, message);
    }

    /** As {@link #commit(Map, String)}, on {@code branch} (made from the current commit if new). */
    synchronized String commit(String branch, Map<String, String> files, String message) {
      try {
        if (git.getRepository().resolve("HEAD") != null && !branch.equals(git.getRepository().getBranch())) {
          boolean exists = git.getRepository().findRef("refs/heads/" + branch) != null;
          git.checkout().setName(branch).setCreateBranch(!exists).call();
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
          Path target = work.resolve(file.getKey());
          if (file.getValue() == null) {
            Files.deleteIfExists(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
          }
        }
        git.add().addFilepattern(".").call();
        git.add().setUpdate(true).addFilepattern(".").call();
        PersonIdent who = new PersonIdent("Test", "test@clusterc.dev");
        RevCommit commit = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setAllowEmpty(true).call();
        git.push().setRemote(fileUrl()).setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).setForce(true)
            .call();
        return commit.name();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GitAPIException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
