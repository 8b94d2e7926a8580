package gvm.interp;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The worker threads hot kernels split their rows over (one team per interpreter), built for the
 * many short parallel loops of a decode step: the caller works too, workers spin a little before
 * they park (as OpenMP's runtime does), and a loop's rows go out in contiguous chunks so each thread
 * streams its part of a weight matrix. A fork-join pool's wake-up cost (tens of microseconds per
 * loop) made two threads slower than one on a 768×768 matrix.
 *
 * <p>One loop runs on the team at a time; a call made while the team is busy (from another thread
 * or from inside a loop body) runs on the calling thread alone.
 */
public final class Parallel {
  /** Below this many multiply-adds a kernel runs on the calling thread. */
  private static final long MIN_WORK = 1 << 15;
  /** How long an idle worker spins before it parks, in nanoseconds. */
  private static final long SPIN_NANOS = 200_000;

  private final int threads;
  private final Thread[] workers;
  private final ReentrantLock team = new ReentrantLock();

  /** The current loop; a worker that sees it late finds its chunks taken and does nothing. */
  private volatile Loop current;
  private volatile boolean shutdown;

  /** One parallel loop: its body, its contiguous chunks, and how many are claimed and done. */
  private static final class Loop {
    final IntConsumer body;
    final int n, chunks;
    final AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    Loop(IntConsumer body, int n, int chunks) {
      this.body = body;
      this.n = n;
      this.chunks = chunks;
    }

    void run() {
      for (int c; (c = next.getAndIncrement()) < chunks; ) {
        int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
        try {
          for (int i = from; i < to; i++) body.accept(i);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          done.incrementAndGet();
        }
      }
    }
  }

  public Parallel(int threads) {
    this.threads = Math.max(1, threads);
    this.workers = new Thread[this.threads - 1];
    for (int i = 0; i < workers.length; i++) {
      Thread t = new Thread(this::workerLoop, "gvm-kernel-" + (i + 1));
      t.setDaemon(true);
      workers[i] = t;
      t.start();
    }
  }

  private static volatile Parallel common;

  /** One team per process, a thread per core, for interpreters that were not given one. */
  public static Parallel common() {
    Parallel p = common;
    if (p == null) {
      synchronized (Parallel.class) {
        if (common == null) common = new Parallel(Runtime.getRuntime().availableProcessors());
        p = common;
      }
    }
    return p;
  }

  public int threads() { return threads; }

  /** Runs {@code body(i)} for {@code i in [0, n)}, on the team when {@code work} is large enough. */
  public void forEach(int n, long work, IntConsumer body) {
    if (workers.length == 0 || work < MIN_WORK || n < 2 || shutdown || !team.tryLock()) {
      for (int i = 0; i < n; i++) body.accept(i);
      return;
    }
    try {
      Loop loop = new Loop(body, n, Math.min(n, threads * 4));
      current = loop;
      for (Thread w : workers) LockSupport.unpark(w);
      loop.run();
      while (loop.done.get() != loop.chunks) Thread.onSpinWait();
      current = null;
      Throwable t = loop.failure.get();
      if (t instanceof RuntimeException r) throw r;
      if (t instanceof Error e) throw e;
      if (t != null) throw new IllegalStateException(t);
    } finally {
      team.unlock();
    }
  }

  private void workerLoop() {
    Loop seen = null;
    while (true) {
      Loop loop;
      long spinStart = System.nanoTime();
      while ((loop = current) == seen && !shutdown) {
        if (System.nanoTime() - spinStart < SPIN_NANOS) Thread.onSpinWait();
        else LockSupport.park(this);
      }
      if (shutdown) return;
      seen = loop;
      if (loop != null) loop.run();
    }
  }

  public void shutdown() {
    shutdown = true;
    for (Thread w : workers) LockSupport.unpark(w);
  }
}
