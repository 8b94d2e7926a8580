package gvm.bench;

import gvm.interp.Interpreter;
import gvm.interp.Parallel;
import gvm.interp.Programs;
import gvm.interp.Tensor;
import gvm.interp.gptvm.Sampler;
import gvm.ir.types.IntegerType;
import gvm.llama2c.Llama2cCheckpoint;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decode steps of two programs of one checkpoint (unoptimised and {@code gptvm-optimize}d),
 * interleaved step by step in one JVM so that both see the same load: on a shared machine the
 * load drifts between separate runs by more than fusion changes. Each program keeps its own kv
 * cache and greedy tokens (checked equal). Prints per program the median wall time per token (as
 * tok/s) and the median CPU time of the calling thread per token (all the work when threads = 1),
 * and the median over steps of the ratio of the two programs' adjacent step times (paired, so
 * load drift cancels).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar gvm.bench.FusionDecodeBench \
 *     PLAIN.mlir OPT.mlir CKPT.bin [steps=128] [threads=all] [warmup=16]
 * </pre>
 */
public final class FusionDecodeBench {
  private FusionDecodeBench() {}

  /** CPU time of the calling thread: with one thread (no workers) it is all of a step's work, to the nanosecond. */
  private static final java.lang.management.ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

  private static final class Run {
    final Interpreter in;
    Object cache;
    long token = 1;
    final long[] wall, cpu;

    Run(Interpreter in, int steps) {
      this.in = in;
      this.cache = in.call("create_cache")[0];
      this.wall = new long[steps];
      this.cpu = new long[steps];
    }

    /** One decode step at the next position; returns the greedy next token. */
    long step(int i, boolean record) {
      long c0 = THREAD_CPU.getCurrentThreadCpuTime(), t0 = System.nanoTime();
      Object[] d = in.call("decode", Tensor.ofInts(IntegerType.I32, new int[] {1}, new long[] {token}), cache);
      long t1 = System.nanoTime(), c1 = THREAD_CPU.getCurrentThreadCpuTime();
      cache = d[2];
      float[] row = ((Tensor) d[0]).floatArray();
      token = Sampler.argmax(row, 0, row.length);
      if (record) {
        wall[i] = t1 - t0;
        cpu[i] = c1 - c0;
      }
      return token;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: FusionDecodeBench PLAIN.mlir OPT.mlir CKPT.bin [steps] [threads] [warmup]");
      System.exit(2);
    }
    int steps = args.length > 3 ? Integer.parseInt(args[3]) : 128;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 16;
    Llama2cCheckpoint ckpt = Llama2cCheckpoint.open(Path.of(args[2]));
    Parallel par = new Parallel(threads);
    Run[] runs = new Run[2];
    for (int p = 0; p < 2; p++) {
      Interpreter in = Interpreter.of(Programs.parse(args[p], Files.readAllBytes(Path.of(args[p]))), ckpt);
      in.provide(Parallel.class, par);
      runs[p] = new Run(in, steps);
    }
    for (int i = 0; i < warmup + steps; i++) {
      boolean record = i >= warmup;
      // alternate which program goes first, so neither always follows the other
      int first = i % 2;
      long a = runs[first].step(i - warmup, record), b = runs[1 - first].step(i - warmup, record);
      if (a != b) throw new IllegalStateException("the programs chose different tokens at step " + i + ": " + a + " vs " + b);
    }
    par.shutdown();
    double[] wallMs = new double[2], cpuMs = new double[2];
    for (int p = 0; p < 2; p++) {
      wallMs[p] = median(runs[p].wall) / 1e6;
      cpuMs[p] = median(runs[p].cpu) / 1e6;
    }
    System.out.printf(Locale.ROOT, "%d decode steps (after %d warm-up), %d threads, interleaved%n", steps, warmup, threads);
    for (int p = 0; p < 2; p++)
      System.out.printf(Locale.ROOT, "  %-12s median %7.2f ms/token wall = %7.2f tok/s   %7.2f ms/token CPU%n", p == 0 ? "unoptimised" : "optimised",
          wallMs[p], 1000 / wallMs[p], cpuMs[p]);
    double[] wallRatio = new double[steps], cpuRatio = new double[steps];
    for (int i = 0; i < steps; i++) {
      wallRatio[i] = (double) runs[0].wall[i] / runs[1].wall[i];
      cpuRatio[i] = (double) runs[0].cpu[i] / Math.max(1, runs[1].cpu[i]);
    }
    System.out.printf(Locale.ROOT, "  optimised/unoptimised speed: medians %.3fx wall, %.3fx CPU; median of paired steps %.3fx wall, %.3fx CPU%n",
        wallMs[0] / wallMs[1], cpuMs[0] / cpuMs[1], median(wallRatio), median(cpuRatio));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }
}
