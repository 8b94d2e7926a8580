package gvm.interp;

import gvm.ir.Operation;
import gvm.ir.attributes.Location;
import gvm.ir.types.ShapedType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a spmdized program on a grid of simulated devices, one thread per device, each with its own
 * {@link Interpreter} and {@link SpmdDevice}. The mesh collectives meet at an {@link Exchange}: every
 * device runs the same sequence of collectives, so the k-th collective of each device is one round
 * where all post their value and, after a barrier, read those of their group. Results are
 * deterministic: a device combines its group's values in group order.
 */
public final class SpmdInterpreter {
  private final Operation module;
  private final long[] grid;
  private final List<Interpreter> devices = new ArrayList<>();

  /**
   * Devices for {@code module} on a grid of {@code gridShape} (the shape of its meshes, with their
   * dynamic axes sized here); {@code setup} may provide services to each device's interpreter.
   *
   * @throws InterpreterException when a mesh of the module does not fit the grid
   */
  public SpmdInterpreter(Operation module, long[] gridShape, Weights weights, Consumer<Interpreter> setup) {
    this.module = module;
    this.grid = gridShape.clone();
    int n = 1;
    for (long d : grid) {
      if (d <= 0 || d == ShapedType.DYNAMIC) throw new IllegalArgumentException("device grid " + Arrays.toString(grid) + " has a non-positive size");
      n *= (int) d;
    }
    Exchange exchange = new Exchange(n);
    for (int i = 0; i < n; i++) {
      Interpreter in = Interpreter.of(module, weights);
      in.provide(SpmdDevice.class, new SpmdDevice(module, grid, i, exchange));
      if (setup != null) setup.accept(in);
      devices.add(in);
    }
  }

  /**
   * The device grid a module runs on: the shape of its first {@code mesh.mesh}, with {@code shape}
   * (as {@code 2x4}, may be null) sizing its dynamic axes (and agreeing with its static ones); null
   * when the module has no mesh (an unsharded program).
   *
   * @throws IllegalArgumentException when {@code shape} does not fit the mesh or a dynamic axis has no size
   */
  public static long[] grid(Operation module, String shape) {
    for (Operation op = module.region(0).front().first(); op != null; op = op.nextOp()) {
      if (!op.isA(gvm.dialect.mesh.ir.MeshOp.DEF)) continue;
      gvm.dialect.mesh.ir.MeshOp mesh = new gvm.dialect.mesh.ir.MeshOp(op);
      long[] g = mesh.shape();
      String[] given = shape == null ? null : shape.split("x", -1);
      if (given != null && given.length != g.length)
        throw new IllegalArgumentException("mesh shape " + shape + " does not fit mesh @" + mesh.symName() + " of rank " + g.length);
      for (int i = 0; i < g.length; i++) {
        long v;
        try {
          v = given == null ? ShapedType.DYNAMIC : Long.parseLong(given[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("mesh shape " + shape + ": '" + given[i] + "' is not a device count");
        }
        if (given != null && v <= 0) throw new IllegalArgumentException("mesh shape " + shape + ": device counts must be positive");
        if (g[i] == ShapedType.DYNAMIC) {
          if (given == null) throw new IllegalArgumentException("mesh @" + mesh.symName() + " has a dynamic axis " + i + ": give its size");
          g[i] = v;
        } else if (given != null && g[i] != v) {
          throw new IllegalArgumentException("mesh shape " + shape + " disagrees with mesh @" + mesh.symName() + " on axis " + i + " (" + g[i] + ")");
        }
      }
      return g;
    }
    return null;
  }

  /** The number of devices. */
  public int size() { return devices.size(); }

  public long[] grid() { return grid.clone(); }

  /** The interpreter of device {@code i} (row-major over the grid). */
  public Interpreter device(int i) { return devices.get(i); }

  /**
   * Calls {@code @fn} on every device at once, device i with {@code perDeviceArgs.get(i)}; returns
   * each device's results. The first failure (by device index) is rethrown once all have stopped.
   */
  public List<Object[]> call(String fn, List<Object[]> perDeviceArgs) {
    if (perDeviceArgs.size() != devices.size())
      throw new IllegalArgumentException(devices.size() + " devices, but " + perDeviceArgs.size() + " argument lists");
    Object[][] results = new Object[devices.size()][];
    RuntimeException[] failures = new RuntimeException[devices.size()];
    Thread[] threads = new Thread[devices.size()];
    Exchange exchange = ((SpmdDevice) devices.get(0).service(SpmdDevice.class, () -> null)).exchange();
    exchange.reset();
    for (int i = 0; i < threads.length; i++) {
      int d = i;
      threads[i] = new Thread(() -> {
        try {
          results[d] = devices.get(d).call(fn, perDeviceArgs.get(d));
          exchange.finished();
        } catch (RuntimeException e) {
          failures[d] = e;
          exchange.abort(d);
        }
      }, "gvm-device-" + i);
      threads[i].start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterpreterException(Location.UNKNOWN, "interrupted while the devices run");
      }
    }
    // The device that failed first; the others stopped because of it.
    if (exchange.firstFailure() >= 0) throw failures[exchange.firstFailure()];
    return Arrays.asList(results);
  }

  /** A value every device holds its own copy of (a kv cache): element i is device i's. */
  public record Replicas(Object[] perDevice) {}

  /**
   * Calls {@code @fn} on every device with the same arguments, except {@link Replicas}, of which
   * each device gets its own; returns tensors that every device computed alike once (results are
   * replicated in a Megatron-sharded model), and other results as {@link Replicas}.
   *
   * @throws InterpreterException when the devices disagree on a tensor result (a sharded result)
   */
  public Object[] callReplicated(String fn, Object... args) {
    List<Object[]> perDevice = new ArrayList<>();
    for (int d = 0; d < devices.size(); d++) {
      Object[] a = args.clone();
      for (int i = 0; i < a.length; i++) if (a[i] instanceof Replicas r) a[i] = r.perDevice()[d];
      perDevice.add(a);
    }
    List<Object[]> results = call(fn, perDevice);
    Object[] out = new Object[results.get(0).length];
    for (int i = 0; i < out.length; i++) {
      Object first = results.get(0)[i];
      if (first instanceof Tensor t) {
        for (int d = 1; d < results.size(); d++)
          if (!sameValues(t, (Tensor) results.get(d)[i]))
            throw new InterpreterException(Location.UNKNOWN, "result " + i + " of '@" + fn + "' differs between device 0 and device " + d
                + " (a sharded result; only replicated results can be read back)");
        out[i] = t;
      } else {
        Object[] each = new Object[results.size()];
        for (int d = 0; d < each.length; d++) each[d] = results.get(d)[i];
        out[i] = new Replicas(each);
      }
    }
    return out;
  }

  private static boolean sameValues(Tensor a, Tensor b) {
    if (!Arrays.equals(a.shape(), b.shape()) || a.isFloat() != b.isFloat()) return false;
    for (int i = 0; i < a.size(); i++)
      if (a.isFloat() ? Float.floatToIntBits(a.f(i)) != Float.floatToIntBits(b.f(i)) : a.i(i) != b.i(i)) return false;
    return true;
  }

  /** Runs {@code @fn} of {@code module} on a fresh grid of devices; see {@link #call}. */
  public static List<Object[]> run(Operation module, String fn, long[] gridShape, List<Object[]> perDeviceArgs, Weights weights) {
    return new SpmdInterpreter(module, gridShape, weights, in -> in.provide(Parallel.class, new Parallel(1))).call(fn, perDeviceArgs);
  }

  public Operation module() { return module; }

  /**
   * The meeting point of the collectives: rounds of posted values behind a barrier, and the
   * mailboxes of point-to-point messages ({@code mesh.send} posts, {@code mesh.recv} takes in order).
   */
  static final class Exchange {
    private final int devices;
    private final Object[][] posted = new Object[2][];
    private final int[] round;
    private final Map<Long, ArrayDeque<Object>> mailboxes = new HashMap<>();
    /** The barrier: devices waiting in the current round, rounds completed, devices done with the call. */
    private int waiting, generation, finished, firstFailure = -1;
    private boolean broken;

    /** Thrown on the devices still waiting when another device failed. */
    static final class Aborted extends RuntimeException {
      Aborted(String message) { super(message, null, false, false); }
    }

    Exchange(int devices) {
      this.devices = devices;
      this.round = new int[devices];
      posted[0] = new Object[devices];
      posted[1] = new Object[devices];
    }

    synchronized void reset() {
      Arrays.fill(round, 0);
      mailboxes.clear();
      waiting = generation = finished = 0;
      firstFailure = -1;
      broken = false;
    }

    /** Device {@code d} failed: the devices waiting for it stop. */
    synchronized void abort(int d) {
      if (firstFailure < 0) firstFailure = d;
      broken = true;
      notifyAll();
    }

    synchronized int firstFailure() { return firstFailure; }

    /** A device returned from the call: devices waiting in a collective it will never join stop. */
    synchronized void finished() {
      finished++;
      notifyAll();
    }

    /**
     * Posts {@code value} for device {@code d}'s next collective and returns every device's value of
     * that round. Rounds alternate between two slots: a device posts into round k+2's slot only after
     * the barrier of round k+1, which all devices reach after reading round k.
     */
    Object[] round(int d, Object value) {
      int k = round[d]++;
      Object[] slot = posted[k & 1];
      slot[d] = value;
      await();
      return slot.clone();
    }

    private synchronized void await() {
      if (broken) throw new Aborted("another device failed");
      int gen = generation;
      if (++waiting == devices) {
        waiting = 0;
        generation++;
        notifyAll();
        return;
      }
      while (gen == generation) {
        if (broken) throw new Aborted("another device failed");
        if (finished > 0)
          throw new IllegalStateException("the devices ran different sequences of collectives: " + finished
              + " returned while the others wait in this one");
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Aborted("interrupted");
        }
      }
    }

    /** Queues a message from device {@code from} to device {@code to}. */
    synchronized void mail(int from, int to, Object value) {
      mailboxes.computeIfAbsent((long) from * devices + to, k -> new ArrayDeque<>()).add(value);
    }

    /** The oldest message from {@code from} to {@code to}, or null. */
    synchronized Object take(int from, int to) {
      ArrayDeque<Object> q = mailboxes.get((long) from * devices + to);
      return q == null ? null : q.poll();
    }
  }
}
