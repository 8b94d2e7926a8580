package gvm.interp;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** The worker threads hot kernels split their rows over (one pool per interpreter). */
public final class Parallel {
  /** Below this many multiply-adds a kernel runs on the calling thread. */
  private static final long MIN_WORK = 1 << 15;
  private final ForkJoinPool pool;
  private final int threads;

  public Parallel(int threads) {
    this.threads = Math.max(1, threads);
    this.pool = this.threads == 1 ? null : new ForkJoinPool(this.threads);
  }

  public int threads() { return threads; }

  /** Runs {@code body(i)} for {@code i in [0, n)}, on the pool when {@code work} is large enough. */
  public void forEach(int n, long work, IntConsumer body) {
    if (pool == null || work < MIN_WORK || n < 2) {
      for (int i = 0; i < n; i++) body.accept(i);
      return;
    }
    int chunks = Math.min(n, threads * 4);
    try {
      pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
        int from = (int) ((long) n * c / chunks), to = (int) ((long) n * (c + 1) / chunks);
        for (int i = from; i < to; i++) body.accept(i);
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }

  public void shutdown() { if (pool != null) pool.shutdown(); }
}
