package gvm.interp;

import gvm.dialect.builtin.ir.SymbolTable;
import gvm.dialect.mesh.ir.MeshOp;
import gvm.ir.Operation;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.types.ShapedType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One simulated device of an SPMD run ({@link SpmdInterpreter}): its coordinates on the device grid,
 * the exchange it meets the other devices at, and the shapes of the module's meshes with their
 * dynamic axes sized by the grid. The mesh ops find it through {@link #of(Frame)}.
 */
public final class SpmdDevice {
  private final long[] grid;
  private final int[] coords;
  private final int linear;
  private final SpmdInterpreter.Exchange exchange;
  private final Map<String, long[]> meshShapes = new HashMap<>();

  SpmdDevice(Operation module, long[] grid, int linear, SpmdInterpreter.Exchange exchange) {
    this.grid = grid.clone();
    this.linear = linear;
    this.coords = coordsOf(grid, linear);
    this.exchange = exchange;
    for (Operation op = module.region(0).front().first(); op != null; op = op.nextOp()) {
      if (!op.isA(MeshOp.DEF)) continue;
      MeshOp mesh = new MeshOp(op);
      long[] shape = mesh.shape();
      if (shape.length != grid.length)
        throw new InterpreterException(op.loc(), "mesh @" + mesh.symName() + " has rank " + shape.length + ", but the run's device grid is "
            + Arrays.toString(grid));
      for (int i = 0; i < shape.length; i++) {
        if (shape[i] == ShapedType.DYNAMIC) shape[i] = grid[i];
        else if (shape[i] != grid[i])
          throw new InterpreterException(op.loc(), "mesh @" + mesh.symName() + " has " + shape[i] + " devices along axis " + i
              + ", but the run's device grid has " + grid[i]);
      }
      meshShapes.put(mesh.symName(), shape);
    }
  }

  /** The device of the SPMD run {@code frame} belongs to; fails outside of one. */
  public static SpmdDevice of(Frame frame) {
    SpmdDevice d = frame.interpreter().service(SpmdDevice.class, () -> null);
    if (d == null) throw new IllegalStateException("runs outside of an SPMD run (see SpmdInterpreter)");
    return d;
  }

  /** The device of {@code frame}'s run, or null when it is not an SPMD run. */
  public static SpmdDevice orNull(Frame frame) { return frame.interpreter().service(SpmdDevice.class, () -> null); }

  static int[] coordsOf(long[] grid, int linear) {
    int[] c = new int[grid.length];
    for (int i = grid.length - 1; i >= 0; i--) {
      c[i] = (int) (linear % grid[i]);
      linear /= (int) grid[i];
    }
    return c;
  }

  static int linearOf(long[] grid, int[] coords) {
    int l = 0;
    for (int i = 0; i < grid.length; i++) l = l * (int) grid[i] + coords[i];
    return l;
  }

  public int linearIndex() { return linear; }

  /** This device's coordinate along each axis of the grid. */
  public int[] coords() { return coords.clone(); }

  public long[] grid() { return grid.clone(); }

  SpmdInterpreter.Exchange exchange() { return exchange; }

  /**
   * This device's part of one collective: posts {@code value} and returns every device's value of
   * the round (by linear index), once all devices have posted theirs.
   */
  public Object[] round(Object value) { return exchange.round(linear, value); }

  /** mesh.send: queues {@code value} for device {@code to} and meets the others (a round). */
  public void send(int to, Object value) {
    exchange.mail(linear, to, value);
    exchange.round(linear, null);
  }

  /** mesh.recv: meets the others (a round), then takes the oldest message from device {@code from}, or null. */
  public Object receive(int from) {
    exchange.round(linear, null);
    return exchange.take(from, linear);
  }

  /** The shape of mesh {@code ref} named by {@code op}, dynamic axes sized by the grid. */
  public long[] meshShape(Operation op, SymbolRefAttr ref) {
    long[] s = meshShapes.get(ref.root());
    if (s == null) {
      Operation found = SymbolTable.lookupNearestSymbolFrom(op, ref);
      throw new InterpreterException(op.loc(), found == null ? "no mesh named '@" + ref.root() + "'" : "'@" + ref.root() + "' is not a mesh");
    }
    return s;
  }

  /**
   * The device group of {@code axes} around this device, as Mesh.md defines it: the devices that
   * share this device's coordinates on every other axis, ordered by their coordinates on {@code
   * axes} (row-major, in the order given). Returns their linear indices.
   */
  public int[] group(long[] axes) {
    int size = 1;
    for (long a : axes) size *= (int) grid[(int) a];
    int[] members = new int[size];
    for (int g = 0; g < size; g++) members[g] = linearOf(grid, memberCoords(axes, inGroupCoords(axes, g)));
    return members;
  }

  /** This device's position in its group of {@code axes}. */
  public int groupIndex(long[] axes) {
    int g = 0;
    for (long a : axes) g = g * (int) grid[(int) a] + coords[(int) a];
    return g;
  }

  /** The coordinates on {@code axes} of group position {@code g}. */
  int[] inGroupCoords(long[] axes, int g) {
    int[] m = new int[axes.length];
    for (int i = axes.length - 1; i >= 0; i--) {
      int n = (int) grid[(int) axes[i]];
      m[i] = g % n;
      g /= n;
    }
    return m;
  }

  /** The linear index of the group member at coordinates {@code m} on {@code axes}. */
  int member(long[] axes, int[] m) { return linearOf(grid, memberCoords(axes, m)); }

  private int[] memberCoords(long[] axes, int[] m) {
    int[] c = coords.clone();
    for (int i = 0; i < axes.length; i++) c[(int) axes[i]] = m[i];
    return c;
  }

  /** The group position of {@code d}'s sharding axes (row-major over {@code axes}); DenseArrayAttr form. */
  public int groupIndex(DenseArrayAttr axes) { return groupIndex(axes.toArray()); }
}
