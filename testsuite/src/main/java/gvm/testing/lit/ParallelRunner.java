package gvm.testing.lit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs tests on a fixed pool of worker threads (lit's {@code -j}). */
public final class ParallelRunner implements AutoCloseable {
  private final TestRunner runner;
  private final ExecutorService pool;

  /**
   * @param runner runs each test
   * @param jobs the number of tests run at once (at least 1)
   */
  public ParallelRunner(TestRunner runner, int jobs) {
    this.runner = runner;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
      Thread t = new Thread(r, "gvm-lit-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Returns the number of worker threads to use when none is given: one per core. */
  public static int defaultJobs() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Queues a test; the future completes with its result (never exceptionally). */
  public CompletableFuture<TestResult> submit(LitTest test) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return runner.run(test);
      } catch (RuntimeException | Error e) {
        return new TestResult(ResultCode.UNRESOLVED, "gvm-lit: internal error: " + e, 0);
      }
    }, pool);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
