package gvm.dialect.tensor.ir;

import gvm.dialect.builtin.ir.DiagText;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Shape;
import gvm.ir.types.ShapedType;
import java.util.ArrayList;
import java.util.List;

/**
 * The reassociation of expand_shape and collapse_shape: groups of contiguous expanded dimensions,
 * one per collapsed dimension ({@code [[0, 1], [2]]}), and the checks of MLIR's
 * verifyTensorReshapeOp and ReshapeOpsUtils.
 */
final class Reassociation {
  private Reassociation() {}

  /** The {@code reassociation} property as index groups. */
  static List<long[]> indices(Operation op) {
    List<long[]> groups = new ArrayList<>();
    for (Attribute g : ((ArrayAttr) op.prop("reassociation")).elements()) {
      List<Attribute> es = ((ArrayAttr) g).elements();
      long[] idx = new long[es.size()];
      for (int i = 0; i < idx.length; i++) idx[i] = ((IntegerAttr) es.get(i)).value();
      groups.add(idx);
    }
    return groups;
  }

  /** MLIR's verifyTensorReshapeOp: {@code collapsed} is {@code expanded} with each group's dimensions merged. */
  static void verify(Operation op, RankedTensorType expanded, RankedTensorType collapsed) {
    List<long[]> groups = indices(op);
    int expandedRank = expanded.rank(), collapsedRank = collapsed.rank();
    if (expandedRank < collapsedRank)
      throw Verify.opError(op, "expected the expanded type, " + DiagText.quote(expanded) + " to have a higher (or same) rank than the collapsed type, "
          + DiagText.quote(collapsed) + ".");
    if (collapsedRank != groups.size())
      throw Verify.opError(op, "expected collapsed rank (" + collapsedRank + ") to equal the number of reassociation maps (" + groups.size() + ").");
    // As getSymbolLessAffineMaps: every map has as many dimensions as the largest index plus one.
    long numDims = 0;
    for (long[] g : groups) for (long d : g) numDims = Math.max(numDims, d);
    numDims++;
    for (int i = 0; i < groups.size(); i++)
      if (numDims != expandedRank)
        throw Verify.opError(op, "expected reassociation map #" + i + " to have size equal to the expanded rank (" + expandedRank + "), but it is  "
            + numDims + ".");
    int invalid = invalidGroup(groups, numDims);
    if (invalid >= 0) throw Verify.opError(op, "expected reassociation map #" + invalid + " to be valid and contiguous.");
    verifyShapesCompatible(op, collapsed.shape(), expanded.shape(), groups);
    RankedTensorType inferred = RankedTensorType.get(collapsedShape(expanded.shape(), groups), expanded.elementType());
    if (!inferred.shape().equals(collapsed.shape()) || !inferred.elementType().equals(collapsed.elementType()))
      throw Verify.opError(op, "expected collapsed type to be " + DiagText.quote(inferred) + ", but got " + DiagText.quote(collapsed));
  }

  /** The first group that does not continue the dimensions in order (MLIR's isReassociationValid), or -1. */
  private static int invalidGroup(List<long[]> groups, long numDims) {
    long next = 0;
    for (int i = 0; i < groups.size(); i++)
      for (long d : groups.get(i)) if (d != next++) return i;
    return groups.isEmpty() || next == numDims ? -1 : groups.size() - 1;
  }

  /** MLIR's reshapeLikeShapesAreCompatible: each collapsed size is its group's product, or dynamic with it. */
  private static void verifyShapesCompatible(Operation op, Shape collapsed, Shape expanded, List<long[]> groups) {
    int start = 0;
    for (int g = 0; g < groups.size(); g++) {
      boolean dynamic = false;
      long product = 1;
      for (int d = start; d < start + groups.get(g).length; d++) {
        if (expanded.isDynamic(d)) dynamic = true; else product *= expanded.dim(d);
      }
      if (dynamic && !collapsed.isDynamic(g))
        throw Verify.opError(op, "expected dimension " + g + " of collapsed type to be dynamic since one or more of the corresponding dimensions"
            + " in the expanded type is dynamic");
      if (!dynamic && collapsed.dim(g) != product)
        throw Verify.opError(op, "expected dimension " + g + " of collapsed type to be static value of " + product);
      start += groups.get(g).length;
    }
  }

  /** The shape {@code expanded} collapses to: each group's product, dynamic if any member is (MLIR's inferCollapsedType). */
  private static Shape collapsedShape(Shape expanded, List<long[]> groups) {
    long[] dims = new long[groups.size()];
    int start = 0;
    for (int g = 0; g < dims.length; g++) {
      long size = 1;
      for (int d = start; d < start + groups.get(g).length; d++) {
        if (expanded.isDynamic(d)) {
          size = ShapedType.DYNAMIC;
          break;
        }
        size *= expanded.dim(d);
      }
      dims[g] = size;
      start += groups.get(g).length;
    }
    return Shape.wrap(dims);
  }
}
