package gvm.dialect.tosa.ir;

import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;

/** The verifiers of TosaOps.cpp and the ResultsBroadcastableShape trait, with MLIR's messages. */
final class TosaVerify {
  private TosaVerify() {}

  private static final long DYN = ShapedType.DYNAMIC;

  private static long[] dims(Type t) { return t instanceof ShapedType s && s.hasRank() ? s.shape().toArray() : null; }

  private static String shapeString(long[] d) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < d.length; i++) sb.append(i == 0 ? "" : "x").append(d[i] == DYN ? "?" : Long.toString(d[i]));
    return sb.append('\'').toString();
  }

  /** Numpy-style broadcast of two shapes, aligned on the right (OpTrait::util::getBroadcastedShape); null if incompatible. */
  private static long[] broadcast(long[] a, long[] b) {
    long[] out = new long[Math.max(a.length, b.length)];
    for (int i = 1; i <= out.length; i++) {
      long x = i <= a.length ? a[a.length - i] : 1, y = i <= b.length ? b[b.length - i] : 1;
      long r;
      if (x == DYN || y == DYN) r = x == 1 ? y : y == 1 ? x : (x == DYN ? y : x);
      else if (x == y || y == 1) r = x;
      else if (x == 1) r = y;
      else return null;
      out[out.length - i] = r;
    }
    return out;
  }

  /** ResultsBroadcastableShape: the operands broadcast together, and each ranked result fits their shape. */
  static void resultsBroadcastable(Operation op) {
    long[] shape = new long[0];
    for (Type t : op.operandTypes()) {
      long[] d = dims(t);
      if (d == null) return;
      shape = broadcast(shape, d);
      if (shape == null) throw Verify.opError(op, "operands don't have broadcast-compatible shapes");
    }
    for (Type t : op.resultTypes()) {
      long[] d = dims(t);
      if (d == null) continue;
      boolean ok = d.length == shape.length;
      for (int i = 0; ok && i < d.length; i++) ok = d[i] == DYN || shape[i] == DYN || d[i] == shape[i];
      if (!ok) throw Verify.opError(op, "result type " + shapeString(d) + " not broadcast compatible with broadcasted operands's shapes " + shapeString(shape));
    }
  }

  /** ReshapeOp::verify: the element count is kept and new_shape agrees with the result type. */
  static void reshape(Operation op) {
    long[] newShape = ((DenseArrayAttr) op.prop("new_shape")).toArray();
    long[] in = dims(op.operand(0).type()), out = dims(op.result(0).type());
    if (in != null && out != null && isStatic(in) && isStatic(out)) {
      long n = product(in), m = product(out);
      if (n != m) throw Verify.opError(op, "cannot reshape " + n + " elements into " + m);
    }
    if (out != null) {
      boolean ok = out.length == newShape.length;
      for (int i = 0; ok && i < out.length; i++) ok = newShape[i] == -1 || out[i] == DYN || newShape[i] == out[i];
      if (!ok) throw Verify.opError(op, "new shape is inconsistent with result shape");
    }
  }

  private static boolean isStatic(long[] d) {
    for (long x : d) if (x == DYN) return false;
    return true;
  }

  private static long product(long[] d) {
    long p = 1;
    for (long x : d) p *= x;
    return p;
  }

  /** The reduction ops' verifier: the axis is in range and the reduced dimension has size 1. */
  static void reduce(Operation op) {
    long axis = ((IntegerAttr) op.prop("axis")).value();
    long[] in = dims(op.operand(0).type()), out = dims(op.result(0).type());
    if (in != null) {
      if (axis < 0) throw Verify.opError(op, "expect input tensor rank (" + in.length + ") to be larger than reduce axis (" + axis + ")");
      if (axis >= in.length && !(in.length == 0 && axis == 0))
        throw Verify.opError(op, "expect input tensor rank (" + in.length + ") to be larger than reduce axis (" + axis + ")");
    }
    if (out != null && axis >= 0 && axis < out.length && out[(int) axis] != 1 && out[(int) axis] != DYN)
      throw Verify.opError(op, "expect reduced dimension size to be 1, got " + out[(int) axis]);
  }

  /** TransposeOp::verify: a rank-1 permutation with one entry per input dimension. */
  static void transpose(Operation op) {
    long[] in = dims(op.operand(0).type()), perms = dims(op.operand(1).type());
    if (perms == null) return;
    if (perms.length != 1) throw Verify.opError(op, "expected permutation tensor to be rank 1 but got rank " + perms.length);
    if (in != null && perms[0] != DYN && perms[0] != in.length)
      throw Verify.opError(op, "expected permutation tensor dim 0 to have size " + in.length + " (input rank) but got size " + perms[0]);
  }
}
