package gvm.dialect.mesh.ir;

import static gvm.ir.def.Trait.PURE;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.SymbolTable;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;

/** The ops that read the mesh or the position of the running process in it. */
public final class QueryOps {
  private QueryOps() {}

  /** {@code mesh.mesh_shape @m axes = [1] : index}: the sizes of some mesh axes (all when none are given). */
  public static final class MeshShapeOp {
    public static final OpDef DEF = perAxis("mesh.mesh_shape", "Get the shape of the mesh.")
        .format("$mesh (`axes` `=` $axes^)? attr-dict `:` type($result)")
        .resultNames((op, names) -> names[0] = "mesh_shape");

    private MeshShapeOp() {}
  }

  /** {@code mesh.process_multi_index on @m axes = [0] : index}: this process's index along some mesh axes. */
  public static final class ProcessMultiIndexOp {
    public static final OpDef DEF = perAxis("mesh.process_multi_index", "Get the multi index of current device along specified mesh axes.")
        .format("`on` $mesh (`axes` `=` $axes^)? attr-dict `:` type($result)")
        // LLVM 19 names these results as process_linear_index's, and so do we.
        .resultNames((op, names) -> names[0] = "proc_linear_idx");

    private ProcessMultiIndexOp() {}
  }

  /** {@code mesh.process_linear_index on @m : index}: this process's row-major index in the mesh. */
  public static final class ProcessLinearIndexOp {
    public static final OpDef DEF = OpDef.named("mesh.process_linear_index")
        .summary("Get the linear index of the current device.")
        .property("mesh", CommonAttrConstraints.FLAT_SYMBOL_REF_ATTR)
        .result("result", CommonTypeConstraints.INDEX)
        .traits(PURE)
        .format("`on` $mesh attr-dict `:` type($result)")
        .resultNames((op, names) -> names[0] = "proc_linear_idx")
        .implement(SymbolTable.SymbolUser.class, (op, tables) -> MeshVerify.mesh(op, "mesh", tables));

    private ProcessLinearIndexOp() {}
  }

  /** An op with one index result per axis in {@code axes} (per mesh axis when empty). */
  private static OpDef perAxis(String name, String summary) {
    return OpDef.named(name).summary(summary)
        .property("mesh", CommonAttrConstraints.FLAT_SYMBOL_REF_ATTR)
        .property("axes", MeshConstraints.MESH_AXES, MeshConstraints.NO_AXES)
        .variadicResult("result", CommonTypeConstraints.INDEX)
        .traits(PURE)
        .implement(SymbolTable.SymbolUser.class, QueryOps::verifyAxesAndResults);
  }

  /** One result per listed axis, or per mesh axis when the list is empty. */
  private static void verifyAxesAndResults(Operation op, SymbolTable.Collection tables) {
    MeshOp mesh = MeshVerify.meshAndAxes(op, "axes", tables);
    int axes = MeshVerify.axes(op, "axes").length;
    int expected = axes == 0 ? mesh.rank() : axes;
    if (op.numResults() != expected) throw Verify.error(op, "Unexpected number of results " + op.numResults() + ". Expected " + expected + ".");
  }
}
