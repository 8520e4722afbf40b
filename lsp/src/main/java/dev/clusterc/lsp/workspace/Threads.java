package dev.clusterc.lsp.workspace;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's own threads: daemons (the protocol's end ends the process, not a thread left
 * waiting), named for the log, and with the deep stack the command line gives the compiler, so a
 * document the compiler can check on the command line never overflows in the editor.
 */
public final class Threads {
  /** The command line's stack for the compiler: deep enough that no input overflows it. */
  static final long STACK_BYTES = 256L * 1024 * 1024;

  private Threads() {}

  /** A factory of daemon threads named {@code name-N}. */
  public static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(null, work, name + "-" + count.incrementAndGet(), STACK_BYTES);
      thread.setDaemon(true);
      return thread;
    };
  }
}
