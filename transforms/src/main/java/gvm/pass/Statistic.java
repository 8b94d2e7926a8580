package gvm.pass;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter a pass declares (MLIR's {@code Pass::Statistic}), reported by {@code
 * --mlir-pass-statistics}. Thread-safe: a pass instance may run on several ops at once.
 */
public final class Statistic {
  private final String name, description;
  private final AtomicLong value = new AtomicLong();

  Statistic(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** The statistic's name, e.g. {@code num-cse'd}. */
  public String name() { return name; }

  public String description() { return description; }

  public long get() { return value.get(); }

  public void add(long n) { value.addAndGet(n); }

  public void increment() { value.incrementAndGet(); }

  /** Resets to zero (a fresh pass manager run). */
  public void reset() { value.set(0); }
}
