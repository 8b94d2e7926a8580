package gvm.interp.mesh;

import gvm.dialect.mesh.ir.CollectiveOps;
import gvm.dialect.mesh.ir.QueryOps;
import gvm.dialect.mesh.ir.ReductionKind;
import gvm.dialect.mesh.ir.ShardOp;
import gvm.interp.BlockEffect;
import gvm.interp.Frame;
import gvm.interp.ImplTable;
import gvm.interp.SpmdDevice;
import gvm.interp.Tensor;
import gvm.ir.Operation;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.attributes.UnitAttr;
import gvm.ir.types.ShapedType;
import java.util.ArrayList;
import java.util.List;

/**
 * mesh: the collectives with the semantics of MLIR's Mesh.md, run by the devices of an SPMD run
 * ({@link gvm.interp.SpmdInterpreter}). A collective over {@code mesh_axes} acts within each device
 * group (the devices sharing the coordinates off those axes, ordered by their coordinates on them);
 * root, source and destination are coordinates on {@code mesh_axes} within the group. Results that
 * Mesh.md leaves undefined (gather and reduce off the root, shift without rotate at the edge) are
 * zeros. {@code mesh.shard} is the identity at run time.
 */
public final class MeshImpls {
  private MeshImpls() {}

  public static void register(ImplTable t) {
    t.register(ShardOp.DEF, (f, op, a) -> BlockEffect.next(a[0]));
    t.register(QueryOps.MeshShapeOp.DEF, (f, op, a) -> {
      SpmdDevice d = SpmdDevice.of(f);
      long[] shape = d.meshShape(op, mesh(op)), axes = axes(op, "axes", shape.length);
      Object[] r = new Object[axes.length];
      for (int i = 0; i < axes.length; i++) r[i] = shape[(int) axes[i]];
      return BlockEffect.next(r);
    });
    t.register(QueryOps.ProcessMultiIndexOp.DEF, (f, op, a) -> {
      SpmdDevice d = SpmdDevice.of(f);
      long[] axes = axes(op, "axes", d.meshShape(op, mesh(op)).length);
      int[] c = d.coords();
      Object[] r = new Object[axes.length];
      for (int i = 0; i < axes.length; i++) r[i] = (long) c[(int) axes[i]];
      return BlockEffect.next(r);
    });
    t.register(QueryOps.ProcessLinearIndexOp.DEF, (f, op, a) -> {
      SpmdDevice d = SpmdDevice.of(f);
      d.meshShape(op, mesh(op));
      return BlockEffect.next((long) d.linearIndex());
    });
    t.register(CollectiveOps.ALL_REDUCE, (f, op, a) -> {
      Group g = group(f, op);
      return BlockEffect.next(Chunks.reduce(g.exchange(a[0]), reduction(op)));
    });
    t.register(CollectiveOps.ALL_GATHER, (f, op, a) -> {
      Group g = group(f, op);
      return BlockEffect.next(Chunks.concat(g.exchange(a[0]), axis(op, "gather_axis")));
    });
    t.register(CollectiveOps.ALL_SLICE, (f, op, a) -> {
      // Every device keeps its own chunk; no data moves (but the devices still meet, as for any collective).
      Group g = group(f, op);
      g.exchange(null);
      return BlockEffect.next(Chunks.chunk((Tensor) a[0], axis(op, "slice_axis"), g.index, g.size()));
    });
    t.register(CollectiveOps.ALL_TO_ALL, (f, op, a) -> {
      Group g = group(f, op);
      int split = axis(op, "split_axis"), concat = axis(op, "concat_axis");
      List<Tensor> all = g.exchange(a[0]), mine = new ArrayList<>();
      for (Tensor part : all) mine.add(Chunks.chunk(part, split, g.index, g.size()));
      return BlockEffect.next(Chunks.concat(mine, concat));
    });
    t.register(CollectiveOps.REDUCE_SCATTER, (f, op, a) -> {
      Group g = group(f, op);
      Tensor sum = Chunks.reduce(g.exchange(a[0]), reduction(op));
      return BlockEffect.next(Chunks.chunk(sum, axis(op, "scatter_axis"), g.index, g.size()));
    });
    t.register(CollectiveOps.BROADCAST, (f, op, a) -> {
      Group g = group(f, op);
      return BlockEffect.next(g.exchange(a[0]).get(g.position(op, "root", a)));
    });
    t.register(CollectiveOps.SCATTER, (f, op, a) -> {
      Group g = group(f, op);
      Tensor root = g.exchange(a[0]).get(g.position(op, "root", a));
      return BlockEffect.next(Chunks.chunk(root, axis(op, "scatter_axis"), g.index, g.size()));
    });
    t.register(CollectiveOps.GATHER, (f, op, a) -> {
      Group g = group(f, op);
      Tensor all = Chunks.concat(g.exchange(a[0]), axis(op, "gather_axis"));
      return BlockEffect.next(g.index == g.position(op, "root", a) ? all : Tensor.zeros(all.elementType(), all.shape()));
    });
    t.register(CollectiveOps.REDUCE, (f, op, a) -> {
      Group g = group(f, op);
      Tensor r = Chunks.reduce(g.exchange(a[0]), reduction(op));
      return BlockEffect.next(g.index == g.position(op, "root", a) ? r : Tensor.zeros(r.elementType(), r.shape()));
    });
    t.register(CollectiveOps.SEND, (f, op, a) -> {
      Group g = group(f, op);
      g.send(g.members[g.position(op, "destination", a)], a[0]);
      return BlockEffect.next(a[0]);
    });
    t.register(CollectiveOps.RECV, (f, op, a) -> {
      Group g = group(f, op);
      if (op.prop("source") == null) throw new IllegalArgumentException("needs a source to receive from at run time");
      int from = g.members[g.position(op, "source", a)];
      Object v = g.receive(from);
      if (v == null) throw new IllegalArgumentException("device " + g.device.linearIndex() + " has no message from device " + from);
      return BlockEffect.next(v);
    });
    t.register(CollectiveOps.SHIFT, (f, op, a) -> {
      Group g = group(f, op);
      List<Tensor> all = g.exchange(a[0]);
      return BlockEffect.next(g.shifted(op, all));
    });
  }

  private static SymbolRefAttr mesh(Operation op) { return (SymbolRefAttr) op.prop("mesh"); }

  /** The axes of property {@code name}, all {@code rank} axes when it is empty. */
  private static long[] axes(Operation op, String name, int rank) {
    long[] axes = op.prop(name) instanceof DenseArrayAttr d ? d.toArray() : new long[0];
    if (axes.length > 0) return axes;
    long[] all = new long[rank];
    for (int i = 0; i < rank; i++) all[i] = i;
    return all;
  }

  private static int axis(Operation op, String name) { return (int) ((IntegerAttr) op.prop(name)).value(); }

  private static ReductionKind reduction(Operation op) {
    return op.prop("reduction") instanceof ReductionKind.Attr r ? r.kind() : ReductionKind.SUM;
  }

  private static Group group(Frame f, Operation op) {
    SpmdDevice d = SpmdDevice.of(f);
    long[] shape = d.meshShape(op, mesh(op));
    long[] axes = op.prop("mesh_axes") instanceof DenseArrayAttr x ? x.toArray() : new long[0];
    return new Group(d, shape, axes);
  }

  /** This device's group for one collective call. */
  private static final class Group {
    final SpmdDevice device;
    final long[] meshShape, axes;
    final int[] members;
    final int index;

    Group(SpmdDevice device, long[] meshShape, long[] axes) {
      this.device = device;
      this.meshShape = meshShape;
      this.axes = axes;
      this.members = device.group(axes);
      this.index = device.groupIndex(axes);
    }

    int size() { return members.length; }

    /** Posts this device's value; returns the group's values in group order. */
    List<Tensor> exchange(Object value) {
      Object[] all = device.round(value);
      List<Tensor> r = new ArrayList<>();
      for (int m : members) r.add((Tensor) all[m]);
      return r;
    }

    void send(int to, Object value) { device.send(to, value); }

    Object receive(int from) { return device.receive(from); }

    /** The group position of the coordinates in property {@code name} (static, with dynamic ones from the operands after the input). */
    int position(Operation op, String name, Object[] operands) {
      long[] coords = ((DenseArrayAttr) op.prop(name)).toArray();
      int next = 1;
      int g = 0;
      if (coords.length != axes.length) throw new IllegalArgumentException(name + " has " + coords.length + " coordinates for " + axes.length + " mesh axes");
      for (int i = 0; i < coords.length; i++) {
        long c = coords[i] == ShapedType.DYNAMIC ? (Long) operands[next++] : coords[i];
        long n = meshShape[(int) axes[i]];
        if (c < 0 || c >= n) throw new IllegalArgumentException(name + " coordinate " + c + " is outside mesh axis " + axes[i] + " of size " + n);
        g = g * (int) n + (int) c;
      }
      return g;
    }

    /** mesh.shift: this device takes the value of the group member {@code offset} before it along {@code shift_axis}. */
    Tensor shifted(Operation op, List<Tensor> all) {
      int shiftAxis = axis(op, "shift_axis");
      long offset = ((IntegerAttr) op.prop("offset")).value();
      boolean rotate = op.prop("rotate") instanceof UnitAttr;
      int k = -1;
      for (int i = 0; i < axes.length; i++) if (axes[i] == shiftAxis) k = i;
      int n = (int) meshShape[shiftAxis];
      int[] m = new int[axes.length];
      int[] c = device.coords();
      for (int i = 0; i < axes.length; i++) m[i] = c[(int) axes[i]];
      long from = m[k] - offset;
      Tensor mine = all.get(index);
      if (rotate) from = Math.floorMod(from, n);
      else if (from < 0 || from >= n) return Tensor.zeros(mine.elementType(), mine.shape());
      m[k] = (int) from;
      int g = 0;
      for (int i = 0; i < axes.length; i++) g = g * (int) meshShape[(int) axes[i]] + m[i];
      return all.get(g);
    }
  }
}
