package dev.clusterc.runtime.apply;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run's stop request (Ctrl-C). Applies check it between objects, so an object is never left half
 * sent; threads that only wait (for CRDs or health) are interrupted at once.
 */
final class Cancellation {
  private final AtomicBoolean requested = new AtomicBoolean();
  private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

  void cancel() {
    requested.set(true);
    waiting.forEach(Thread::interrupt);
  }

  boolean requested() {
    return requested.get();
  }

  /** Something that waits and may be interrupted. */
  interface Wait<T> {
    T run() throws InterruptedException;
  }

  /** Runs {@code wait} so that {@link #cancel()} interrupts it. */
  <T> T interruptibly(Wait<T> wait) throws InterruptedException {
    Thread thread = Thread.currentThread();
    waiting.add(thread);
    try {
      if (requested()) {
        throw new InterruptedException("the run was stopped");
      }
      return wait.run();
    } finally {
      waiting.remove(thread);
      Thread.interrupted(); // a late cancel() must not interrupt the next object's requests
    }
  }
}
