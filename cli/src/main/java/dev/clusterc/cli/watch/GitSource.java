package dev.clusterc.cli.watch;

import java.time.Duration;
import java.util.Optional;

// placeholder until merge
/** A branch of a Git repository, polled (placeholder with the agreed signature). */
public final class GitSource implements Source {
  private final GitSettings settings;

  public GitSource(GitSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<Snapshot> next(Duration timeout) throws InterruptedException {
    Thread.sleep(timeout.toMillis());
    return Optional.empty();
  }

  @Override
  public void pollNow() {}

  @Override
  public String origin() {
    return settings.url() + "@" + settings.branch() + "/" + settings.path();
  }

  @Override
  public void close() {}
}
