package dev.clusterc.cli.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

// placeholder until merge
/** A directory watched for changes (placeholder with the agreed signature). */
public final class DirectorySource implements Source {
  private final Path dir;

  public DirectorySource(Path dir, Duration debounce) {
    this.dir = dir;
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
    return dir.toString();
  }

  @Override
  public void close() {}
}
