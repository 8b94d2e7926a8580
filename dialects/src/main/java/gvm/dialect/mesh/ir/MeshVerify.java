package gvm.dialect.mesh.ir;

import gvm.dialect.builtin.ir.SymbolTable;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.types.ShapedType;
import java.util.Arrays;

/** The checks MeshOps.cpp shares between ops, with its messages word for word. */
final class MeshVerify {
  private MeshVerify() {}

  /** The {@code mesh.mesh} that {@code op}'s {@code attrName} refers to (getMeshAndVerify). */
  static MeshOp mesh(Operation op, String attrName, SymbolTable.Collection tables) {
    SymbolRefAttr ref = (SymbolRefAttr) op.prop(attrName);
    Operation found = tables.lookupNearestSymbolFrom(op, ref);
    if (found == null || !found.isA(MeshOp.DEF)) throw Verify.error(op, "Undefined required mesh symbol \"" + ref.root() + "\".");
    return new MeshOp(found);
  }

  /** The mesh of {@code op}, after checking the axes in {@code axesAttr} against it (getMeshAndVerifyAxes). */
  static MeshOp meshAndAxes(Operation op, String axesAttr, SymbolTable.Collection tables) {
    MeshOp mesh = mesh(op, "mesh", tables);
    long[] axes = axes(op, axesAttr);
    long[] sorted = axes.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) if (sorted[i] == sorted[i - 1]) throw Verify.error(op, "Mesh axes contains duplicate elements.");
    int rank = mesh.rank();
    for (long axis : axes)
      if (axis < 0 || axis >= rank)
        throw Verify.error(op, "0-based mesh axis index " + axis + " is out of bounds. The referenced mesh \"" + mesh.symName() + "\" is of rank " + rank + ".");
    return mesh;
  }

  static long[] axes(Operation op, String attr) { return ((DenseArrayAttr) op.prop(attr)).toArray(); }

  /** The number of devices in a group along {@code meshAxes} (collectiveProcessGroupSize); dynamic if any is. */
  static long groupSize(long[] meshAxes, long[] meshShape) {
    long size = 1;
    for (long a : meshAxes) {
      long d = meshShape[(int) a];
      if (d == ShapedType.DYNAMIC) return ShapedType.DYNAMIC;
      size *= d;
    }
    return size;
  }

  static long mul(long a, long b) { return a == ShapedType.DYNAMIC || b == ShapedType.DYNAMIC ? ShapedType.DYNAMIC : a * b; }

  static long div(long a, long b) { return a == ShapedType.DYNAMIC || b == ShapedType.DYNAMIC ? ShapedType.DYNAMIC : a / b; }

  /** A static result dimension must equal the expected size (verifyDimensionCompatibility). */
  static void dimension(Operation op, long expected, long actual, int axis) {
    if (actual != ShapedType.DYNAMIC && expected != actual)
      throw Verify.error(op, "Dimension size mismatch for result axis " + axis + ". Expected "
          + (expected == ShapedType.DYNAMIC ? "dynamic" : Long.toString(expected)) + ", but got " + actual + ".");
  }

  static ShapedType type(Operation op, int operand) { return (ShapedType) op.operand(operand).type(); }

  static ShapedType resultType(Operation op) { return (ShapedType) op.result(0).type(); }

  /** The result is the operand grown by the group size along {@code gatherAxis} (verifyGatherOperandAndResultShape). */
  static void gatherShape(Operation op, long gatherAxis, long[] meshAxes, long[] meshShape) {
    ShapedType in = type(op, 0), out = resultType(op);
    if (gatherAxis < 0 || gatherAxis >= out.rank())
      throw Verify.error(op, "Gather axis " + gatherAxis + " is out of bounds [0, " + out.rank() + ").");
    long group = groupSize(meshAxes, meshShape);
    for (int axis = 0; axis < in.rank(); axis++) {
      long d = in.shape().dim(axis);
      dimension(op, axis == gatherAxis ? mul(group, d) : d, out.shape().dim(axis), axis);
    }
  }

  /**
   * The result is the operand cut by the group size along {@code axis}, which must divide it
   * (verifyScatterOrSliceOperandAndResultShape).
   */
  static void scatterShape(Operation op, long scatterAxis, long[] meshAxes, long[] meshShape) {
    ShapedType in = type(op, 0), out = resultType(op);
    for (int axis = 0; axis < in.rank(); axis++)
      if (axis != scatterAxis) dimension(op, in.shape().dim(axis), out.shape().dim(axis), axis);
    long group = groupSize(meshAxes, meshShape);
    long d = in.shape().dim((int) scatterAxis);
    if (d != ShapedType.DYNAMIC && group != ShapedType.DYNAMIC && d % group != 0)
      throw Verify.error(op, "Operand dimension size " + d + " is not divisible by collective device group size " + group
          + " for tensor axis " + scatterAxis + ".");
    dimension(op, div(d, group), out.shape().dim((int) scatterAxis), (int) scatterAxis);
  }

  /** Split along one axis and concatenated along another (verifyAllToAllOperandAndResultShape). */
  static void allToAllShape(Operation op, long splitAxis, long concatAxis, long[] meshAxes, long[] meshShape) {
    ShapedType in = type(op, 0), out = resultType(op);
    for (int axis = 0; axis < in.rank(); axis++)
      if ((axis != splitAxis && axis != concatAxis) || splitAxis == concatAxis) dimension(op, in.shape().dim(axis), out.shape().dim(axis), axis);
    if (splitAxis == concatAxis) return;
    long group = groupSize(meshAxes, meshShape);
    long concat = in.shape().dim((int) concatAxis), split = in.shape().dim((int) splitAxis);
    long expectedSplit = div(split, group);
    if (expectedSplit != ShapedType.DYNAMIC && split % group != 0) expectedSplit = ShapedType.DYNAMIC;
    dimension(op, mul(concat, group), out.shape().dim((int) concatAxis), (int) concatAxis);
    dimension(op, expectedSplit, out.shape().dim((int) splitAxis), (int) splitAxis);
  }

  /** A device index within the group along {@code meshAxes} (verifyInGroupDevice). */
  static void inGroupDevice(Operation op, String name, long[] device, long[] meshAxes, long[] meshShape) {
    if (device.length != meshAxes.length)
      throw Verify.error(op, "In-group device \"" + name + "\" has unexpected multi-index size " + device.length + ". Expected " + meshAxes.length + ".");
    for (int i = 0; i < device.length; i++) {
      long size = meshShape[(int) meshAxes[i]];
      if (device[i] != ShapedType.DYNAMIC && size != ShapedType.DYNAMIC && size <= device[i])
        throw Verify.error(op, "Out of bounds coordinate " + i + " for in-group device \"" + name + "\". Got " + device[i]
            + ", but expected value in the range [0, " + (size - 1) + "].");
    }
  }
}
