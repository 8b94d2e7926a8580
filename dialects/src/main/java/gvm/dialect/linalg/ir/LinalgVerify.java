package gvm.dialect.linalg.ir;

import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.affine.AffineExpr;
import gvm.ir.affine.AffineMap;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The shape checks of LinalgInterfaces.cpp and LinalgOps.cpp, with MLIR's messages. */
final class LinalgVerify {
  private LinalgVerify() {}

  private static final long DYN = ShapedType.DYNAMIC;

  private static long[] shape(Type t) { return t instanceof ShapedType s && s.hasRank() ? s.shape().toArray() : new long[0]; }

  /**
   * verifyStructuredOpInterface's map checks: each operand's map has {@code numLoops} dims and one
   * result per operand dimension, and every static dimension indexed by a plain loop variable has
   * the size that the first operand indexing that loop gives it (getStaticLoopRanges).
   */
  static void structured(Operation op, List<AffineMap> maps, int numLoops) {
    destinationStyle(op);
    if (maps.size() != op.numOperands())
      throw Verify.opError(op, "expected the number of indexing_map (" + maps.size() + ") to be equal to the number of input/output operands ("
          + op.numOperands() + ")");
    for (int i = 0; i < maps.size(); i++) {
      AffineMap m = maps.get(i);
      if (m.numDims() != numLoops)
        throw Verify.opError(op, "expected indexing_map #" + i + " to have " + numLoops + " dim(s) to match the number of loops");
      int rank = shape(op.operand(i).type()).length;
      if (m.results().size() != rank)
        throw Verify.opError(op, "expected operand rank (" + rank + ") to match the result rank of indexing_map #" + i + " (" + m.results().size() + ")");
    }
    long[] loops = new long[numLoops];
    boolean[] known = new boolean[numLoops];
    for (int i = 0; i < maps.size(); i++) {
      long[] s = shape(op.operand(i).type());
      List<AffineExpr> rs = maps.get(i).results();
      for (int j = 0; j < rs.size(); j++)
        if (rs.get(j) instanceof AffineExpr.Dim d && !known[d.position()]) {
          known[d.position()] = true;
          loops[d.position()] = s[j];
        }
    }
    for (int i = 0; i < maps.size(); i++) {
      long[] s = shape(op.operand(i).type());
      List<AffineExpr> rs = maps.get(i).results();
      for (int j = 0; j < rs.size(); j++) {
        if (s[j] == DYN || s[j] == 0 || !(rs.get(j) instanceof AffineExpr.Dim d)) continue;
        long inferred = loops[d.position()];
        if (inferred != DYN && inferred != s[j])
          throw Verify.opError(op, "inferred input/output operand #" + i + " has shape's dimension #" + j + " to be " + inferred + ", but found " + s[j]);
      }
    }
  }

  /**
   * DestinationStyleOpInterface's check, which MLIR runs before the structured op's: each result has
   * the type of its tensor init.
   */
  static void destinationStyle(Operation op) {
    if (!(op.prop("operandSegmentSizes") instanceof gvm.ir.attributes.DenseArrayAttr seg) || seg.size() != 2) return;
    int result = 0;
    for (int i = (int) seg.get(0); i < op.numOperands() && result < op.numResults(); i++) {
      Type init = op.operand(i).type();
      if (!(init instanceof gvm.ir.types.RankedTensorType)) continue;
      Type res = op.result(result++).type();
      if (!init.equals(res))
        throw Verify.opError(op, "expected type of operand #" + i + " ('" + gvm.ir.print.AsmPrinter.toString(null, init)
            + "') to match type of corresponding result ('" + gvm.ir.print.AsmPrinter.toString(null, res) + "')");
    }
  }

  /** Identity maps over the rank of the last operand, an empty map for scalars (the named elementwise ops, fill, copy). */
  static void elementwise(Operation op) {
    if (op.numOperands() == 0) return;
    int rank = shape(op.operand(op.numOperands() - 1).type()).length;
    List<AffineMap> maps = new ArrayList<>();
    for (int i = 0; i < op.numOperands(); i++) {
      boolean scalar = !(op.operand(i).type() instanceof ShapedType);
      maps.add(scalar ? new AffineMap(rank, 0, List.of()) : AffineMap.identity(rank));
    }
    structured(op, maps, rank);
  }

  private static String dims(long[] d) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < d.length; i++) sb.append(i == 0 ? "" : ", ").append(d[i] == DYN ? "?" : Long.toString(d[i]));
    return sb.toString();
  }

  /** ReduceOp::verify: each init has the input's shape without the reduced dimensions. */
  static void reduce(Operation op) {
    long[] dimensions = ((DenseArrayAttr) op.prop("dimensions")).toArray();
    int half = op.numOperands() / 2;
    if (half == 0) return;
    long[] in = shape(op.operand(0).type());
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      final int k = i;
      if (Arrays.stream(dimensions).noneMatch(d -> d == k)) expected.add(in[i]);
    }
    long[] exp = expected.stream().mapToLong(Long::longValue).toArray();
    for (int i = half; i < op.numOperands(); i++) {
      long[] init = shape(op.operand(i).type());
      if (!Arrays.equals(init, exp))
        throw Verify.opError(op, "init dimensions [" + dims(init) + "] doesn't match input dimensions after reduction [" + dims(exp) + "]");
    }
  }

  /** TransposeOp::verify. */
  static void transpose(Operation op) {
    long[] perm = ((DenseArrayAttr) op.prop("permutation")).toArray();
    long[] in = shape(op.operand(0).type()), init = shape(op.operand(1).type());
    if (perm.length != in.length)
      throw Verify.opError(op, "size of permutation " + perm.length + " does not match the argument rank " + in.length);
    for (int i = 0; i < perm.length; i++)
      if (perm[i] >= 0 && perm[i] < in.length && init[i] != in[(int) perm[i]])
        throw Verify.opError(op, "dim(result, " + i + ") = " + init[i] + " doesn't match dim(input, permutation[" + i + "]) = " + in[(int) perm[i]]);
  }

  /** BroadcastOp::verify: the input's dimensions are the init's other than {@code dimensions}. */
  static void broadcast(Operation op) {
    long[] dimensions = ((DenseArrayAttr) op.prop("dimensions")).toArray();
    long[] in = shape(op.operand(0).type()), init = shape(op.operand(1).type());
    int inputIndex = 0;
    for (int initIndex = 0; initIndex < init.length && inputIndex < in.length; initIndex++) {
      final int k = initIndex;
      if (Arrays.stream(dimensions).anyMatch(d -> d == k)) continue;
      if (in[inputIndex] != init[initIndex])
        throw Verify.opError(op, "input dim " + inputIndex + " should match init dim " + initIndex + ". input: " + in[inputIndex] + ", init: " + init[initIndex]);
      inputIndex++;
    }
  }

  /** MapOp::verify: every input has the init's shape. */
  static void map(Operation op) {
    long[] init = shape(op.operand(op.numOperands() - 1).type());
    for (int i = 0; i < op.numOperands() - 1; i++) {
      long[] in = shape(op.operand(i).type());
      if (!Arrays.equals(in, init))
        throw Verify.opError(op, "expected shape of input (" + dims(in) + ") to match shape of output (" + dims(init) + ")");
    }
  }
}
