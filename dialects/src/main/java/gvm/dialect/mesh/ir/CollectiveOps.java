package gvm.dialect.mesh.ir;

import static gvm.dialect.mesh.ir.MeshConstraints.ANY_NON_0_RANKED_TENSOR;
import static gvm.dialect.mesh.ir.MeshConstraints.ANY_RANKED_TENSOR;
import static gvm.dialect.mesh.ir.MeshConstraints.INDEX_ATTR;
import static gvm.ir.def.Trait.PURE;
import static gvm.ir.def.Trait.SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE;
import static gvm.ir.def.Trait.SAME_OPERANDS_AND_RESULT_RANK;
import static gvm.ir.def.Trait.SAME_OPERANDS_AND_RESULT_SHAPE;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.SymbolTable;
import gvm.dialect.tensor.ir.TensorConstraints;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;
import gvm.ir.def.OpDef.Aspect;
import gvm.ir.rewrite.PatternRewriter;
import java.util.List;

/**
 * The collective communication ops of the mesh dialect: each acts within the device groups spanned
 * by {@code mesh_axes} of {@code mesh} (all devices that differ only in those axes). Each checks its
 * mesh, axes and shapes against the mesh when symbol uses are verified, as MeshOps.cpp does.
 */
public final class CollectiveOps {
  private CollectiveOps() {}

  /** Verifies one collective against its resolved mesh. */
  @FunctionalInterface private interface MeshCheck { void check(Operation op, long[] meshAxes, long[] meshShape); }

  /** What every collective has: {@code mesh}, {@code mesh_axes}, its mnemonic as result name, and the mesh checks. */
  private static OpDef collective(String mnemonic, String summary, MeshCheck check) {
    return shiftLike(mnemonic, summary, check).canonicalizer("EmptyMeshAxesCanonicalizationPattern", CollectiveOps::emptyMeshAxes);
  }

  /** {@link #collective} without the empty-axes pattern (mesh.shift has none in LLVM 19). */
  private static OpDef shiftLike(String mnemonic, String summary, MeshCheck check) {
    return OpDef.named("mesh." + mnemonic).summary(summary)
        .property("mesh", CommonAttrConstraints.FLAT_SYMBOL_REF_ATTR)
        .property("mesh_axes", MeshConstraints.MESH_AXES, MeshConstraints.NO_AXES)
        .resultNames((op, names) -> names[0] = mnemonic)
        .implement(SymbolTable.SymbolUser.class, (op, tables) -> {
          MeshOp mesh = MeshVerify.meshAndAxes(op, "mesh_axes", tables);
          check.check(op, MeshVerify.axes(op, "mesh_axes"), mesh.shape());
        });
  }

  // collective(x) over no mesh axes -> x, when the result has x's type (each device is its own group)
  private static boolean emptyMeshAxes(Operation op, PatternRewriter rewriter) {
    if (MeshVerify.axes(op, "mesh_axes").length != 0 || !op.operand(0).type().equals(op.result(0).type())) return false;
    rewriter.replaceOp(op, List.of(op.operand(0)));
    return true;
  }

  private static final MeshCheck NO_CHECK = (op, axes, shape) -> {};

  private static long index(Operation op, String name) { return ((IntegerAttr) op.prop(name)).value(); }

  /** Checks the in-group device {@code name} (root, source, destination) when it is set. */
  private static MeshCheck device(String name) {
    return (op, axes, shape) -> {
      if (op.prop(name) instanceof DenseArrayAttr d) MeshVerify.inGroupDevice(op, name, d.toArray(), axes, shape);
    };
  }

  private static final String SHAPE_IO = "attr-dict `:` type($input) `->` type($result)";
  private static final String FUNCTIONAL = "attr-dict `:` functional-type(operands, results)";
  private static final String ON_MESH = "$input `on` $mesh (`mesh_axes` `=` $mesh_axes^)? ";
  private static final String ROOT = "`root` `=` custom<DynamicIndexList>($root_dynamic, $root) ";

  /** {@code mesh.all_gather}: concatenates the group's tensors along {@code gather_axis}. */
  public static final OpDef ALL_GATHER = collective("all_gather", "All-gather over a device mesh.",
          (op, axes, shape) -> MeshVerify.gatherShape(op, index(op, "gather_axis"), axes, shape))
      .operand("input", ANY_NON_0_RANKED_TENSOR).property("gather_axis", INDEX_ATTR).result("result", ANY_NON_0_RANKED_TENSOR)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE, SAME_OPERANDS_AND_RESULT_RANK)
      .format(ON_MESH + "`gather_axis` `=` $gather_axis " + SHAPE_IO);

  /** {@code mesh.all_reduce}: reduces the group's tensors; the result element type is the accumulator's. */
  public static final OpDef ALL_REDUCE = collective("all_reduce", "All-reduce over a device mesh.", NO_CHECK)
      .operand("input", ANY_RANKED_TENSOR).property("reduction", ReductionKind.Attr.CONSTRAINT, ReductionKind.Attr.SUM)
      .result("result", ANY_RANKED_TENSOR)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_SHAPE)
      .format(ON_MESH + "(`reduction` `=` $reduction^)? " + SHAPE_IO);

  /** {@code mesh.all_slice}: each device keeps its slice along {@code slice_axis} (all_gather's inverse). */
  public static final OpDef ALL_SLICE = collective("all_slice", "All-slice over a device mesh. This is the inverse of all-gather.",
          (op, axes, shape) -> MeshVerify.scatterShape(op, index(op, "slice_axis"), axes, shape))
      .operand("input", ANY_NON_0_RANKED_TENSOR).property("slice_axis", INDEX_ATTR).result("result", ANY_NON_0_RANKED_TENSOR)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE, SAME_OPERANDS_AND_RESULT_RANK)
      .format(ON_MESH + "`slice_axis` `=` $slice_axis " + SHAPE_IO);

  /** {@code mesh.all_to_all}: splits along {@code split_axis}, exchanges, concatenates along {@code concat_axis}. */
  public static final OpDef ALL_TO_ALL = collective("all_to_all", "All-to-all over a device mesh.",
          (op, axes, shape) -> MeshVerify.allToAllShape(op, index(op, "split_axis"), index(op, "concat_axis"), axes, shape))
      .operand("input", ANY_NON_0_RANKED_TENSOR).property("split_axis", INDEX_ATTR).property("concat_axis", INDEX_ATTR)
      .result("result", ANY_NON_0_RANKED_TENSOR)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE, SAME_OPERANDS_AND_RESULT_RANK)
      .format(ON_MESH + "`split_axis` `=` $split_axis `concat_axis` `=` $concat_axis " + SHAPE_IO);

  /** {@code mesh.broadcast}: the {@code root} device's tensor to its whole group. */
  public static final OpDef BROADCAST = collective("broadcast", "Broadcast over a device mesh.", device("root"))
      .operand("input", ANY_RANKED_TENSOR).property("root", TensorConstraints.DENSE_I64_ARRAY)
      .variadicOperand("root_dynamic", CommonTypeConstraints.INDEX).result("result", ANY_RANKED_TENSOR)
      .traits(PURE).allMatch(Aspect.SHAPE, "input", "result").allMatch(Aspect.ELEMENT_TYPE, "input", "result")
      .format(ON_MESH + ROOT + FUNCTIONAL);

  /** {@code mesh.gather}: all_gather whose result is only defined on the {@code root} device. */
  public static final OpDef GATHER = collective("gather", "Gather over a device mesh.", (op, axes, shape) -> {
        device("root").check(op, axes, shape);
        MeshVerify.gatherShape(op, index(op, "gather_axis"), axes, shape);
      })
      .operand("input", ANY_NON_0_RANKED_TENSOR).property("gather_axis", INDEX_ATTR).property("root", TensorConstraints.DENSE_I64_ARRAY)
      .variadicOperand("root_dynamic", CommonTypeConstraints.INDEX).result("result", ANY_NON_0_RANKED_TENSOR)
      .traits(PURE).allMatch(Aspect.RANK, "input", "result").allMatch(Aspect.ELEMENT_TYPE, "input", "result")
      .format(ON_MESH + "`gather_axis` `=` $gather_axis " + ROOT + FUNCTIONAL);

  /** {@code mesh.recv}: receives from the {@code source} device of the group (any, when absent). */
  public static final OpDef RECV = collective("recv", "Send over a device mesh.", device("source"))
      .operand("input", ANY_NON_0_RANKED_TENSOR).optionalProperty("source", TensorConstraints.DENSE_I64_ARRAY)
      .variadicOperand("source_dynamic", CommonTypeConstraints.INDEX).result("result", ANY_RANKED_TENSOR)
      .allMatch(Aspect.SHAPE, "input", "result").allMatch(Aspect.ELEMENT_TYPE, "input", "result")
      .format(ON_MESH + "(`source` `=` custom<DynamicIndexList>($source_dynamic, $source)^)? " + FUNCTIONAL);

  /** {@code mesh.reduce}: all_reduce whose result is only defined on the {@code root} device. */
  public static final OpDef REDUCE = collective("reduce", "Reduce over a device mesh.", device("root"))
      .operand("input", ANY_RANKED_TENSOR).property("reduction", ReductionKind.Attr.CONSTRAINT, ReductionKind.Attr.SUM)
      .property("root", TensorConstraints.DENSE_I64_ARRAY).variadicOperand("root_dynamic", CommonTypeConstraints.INDEX)
      .result("result", ANY_RANKED_TENSOR)
      .traits(PURE).allMatch(Aspect.SHAPE, "input", "result")
      .format(ON_MESH + "(`reduction` `=` $reduction^)? " + ROOT + FUNCTIONAL);

  /** {@code mesh.reduce_scatter}: reduces, then each device keeps its part along {@code scatter_axis}. */
  public static final OpDef REDUCE_SCATTER = collective("reduce_scatter", "Reduce-scatter over a device mesh.",
          (op, axes, shape) -> MeshVerify.scatterShape(op, index(op, "scatter_axis"), axes, shape))
      .operand("input", ANY_NON_0_RANKED_TENSOR).property("reduction", ReductionKind.Attr.CONSTRAINT, ReductionKind.Attr.SUM)
      .property("scatter_axis", INDEX_ATTR).result("result", ANY_RANKED_TENSOR)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_RANK)
      .format(ON_MESH + "(`reduction` `=` $reduction^)? `scatter_axis` `=` $scatter_axis " + SHAPE_IO);

  /** {@code mesh.scatter}: the {@code root} device's tensor split along {@code scatter_axis} over its group. */
  public static final OpDef SCATTER = collective("scatter", "Scatter over a device mesh.", (op, axes, shape) -> {
        device("root").check(op, axes, shape);
        MeshVerify.scatterShape(op, index(op, "scatter_axis"), axes, shape);
      })
      .operand("input", ANY_NON_0_RANKED_TENSOR).property("scatter_axis", INDEX_ATTR).property("root", TensorConstraints.DENSE_I64_ARRAY)
      .variadicOperand("root_dynamic", CommonTypeConstraints.INDEX).result("result", ANY_RANKED_TENSOR)
      .traits(PURE).allMatch(Aspect.RANK, "input", "result").allMatch(Aspect.ELEMENT_TYPE, "input", "result")
      .format(ON_MESH + "`scatter_axis` `=` $scatter_axis " + ROOT + FUNCTIONAL);

  /** {@code mesh.send}: sends to the {@code destination} device of the group. */
  public static final OpDef SEND = collective("send", "Send over a device mesh.", device("destination"))
      .operand("input", ANY_NON_0_RANKED_TENSOR).property("destination", TensorConstraints.DENSE_I64_ARRAY)
      .variadicOperand("destination_dynamic", CommonTypeConstraints.INDEX).result("result", ANY_RANKED_TENSOR)
      .allMatch(Aspect.SHAPE, "input", "result").allMatch(Aspect.ELEMENT_TYPE, "input", "result")
      .format(ON_MESH + "`destination` `=` custom<DynamicIndexList>($destination_dynamic, $destination) " + FUNCTIONAL);

  /** {@code mesh.shift}: shifts (or, with {@code rotate}, rotates) tensors by {@code offset} along mesh axis {@code shift_axis}. */
  public static final OpDef SHIFT = shiftLike("shift", "Shift over a device mesh.", (op, axes, shape) -> {
        long shiftAxis = index(op, "shift_axis");
        for (long a : axes) if (a == shiftAxis) return;
        throw Verify.error(op, "Invalid shift axis " + shiftAxis + ". It must be one of the grouping mesh axes.");
      })
      .operand("input", ANY_NON_0_RANKED_TENSOR).property("shift_axis", INDEX_ATTR).property("offset", CommonAttrConstraints.I64_ATTR)
      .optionalProperty("rotate", CommonAttrConstraints.UNIT_ATTR).result("result", ANY_RANKED_TENSOR)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE, SAME_OPERANDS_AND_RESULT_SHAPE)
      .format(ON_MESH + "`shift_axis` `=` $shift_axis `offset` `=` $offset (`rotate` $rotate^)? " + SHAPE_IO);
}
