package gvm.cuda.ir;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.dialect.builtin.ir.SymbolTable;
import gvm.dialect.tensor.ir.TensorConstraints;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;

/**
 * {@code cuda.launch}: runs {@code kernel} on {@code args} with {@code grid} blocks of {@code
 * block} threads and {@code smem} bytes of dynamic shared memory. With {@code rows_per_block = t},
 * the grid's y extent is multiplied by {@code ceil(rows / t)} at run time (rows: the tokens of the
 * step), so one launch serves prefill steps of any length. Its results are fresh buffers (the
 * runtime allocates them); a {@code !kv.cache} result is the operand cache, updated in place.
 *
 * <pre>{@code
 * %y = cuda.launch @rms_norm_64(%x, %w) grid [1, 1, 1] block [256] rows_per_block 1 : (tensor<?x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
 * }</pre>
 */
public final class LaunchOp extends OpView {
  public static final OpDef DEF = OpDef.named("cuda.launch")
      .summary("launch a cuda.kernel on buffers")
      .property("kernel", CommonAttrConstraints.FLAT_SYMBOL_REF_ATTR)
      .property("grid", TensorConstraints.DENSE_I64_ARRAY)
      .property("block", TensorConstraints.DENSE_I64_ARRAY)
      .optionalProperty("smem", CommonAttrConstraints.I64_ATTR)
      .optionalProperty("rows_per_block", CommonAttrConstraints.I64_ATTR)
      .optionalProperty("imm", CommonAttrConstraints.I64_ATTR)
      .variadicOperand("args", CommonTypeConstraints.ANY_TYPE)
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .format("$kernel `(` $args `)` `grid` $grid `block` $block (`smem` $smem^)? (`rows_per_block` $rows_per_block^)? (`imm` $imm^)? "
          + "attr-dict `:` functional-type($args, results)")
      .verifier(LaunchOp::verify);

  public LaunchOp(Operation op) { super(op, DEF); }

  public String kernel() { return ((SymbolRefAttr) op.prop("kernel")).root(); }

  public long[] grid() { return ((DenseArrayAttr) op.prop("grid")).toArray(); }

  public long[] block() { return ((DenseArrayAttr) op.prop("block")).toArray(); }

  public long smem() { return i64("smem"); }

  public long rowsPerBlock() { return i64("rows_per_block"); }

  public long imm() { return i64("imm"); }

  private long i64(String prop) { return op.prop(prop) instanceof IntegerAttr a ? a.value() : 0; }

  private static void verify(Operation op) {
    LaunchOp l = new LaunchOp(op);
    if (l.grid().length != 3) throw Verify.opError(op, "requires a grid of 3 extents");
    if (l.block().length < 1 || l.block().length > 3) throw Verify.opError(op, "requires a block of 1 to 3 extents");
    for (long g : l.grid()) if (g < 1) throw Verify.opError(op, "requires positive grid extents");
    long threads = 1;
    for (long b : l.block()) threads *= b;
    if (threads < 1 || threads > 1024) throw Verify.opError(op, "requires 1 to 1024 threads per block, got " + threads);
    Operation table = SymbolTable.nearestSymbolTable(op);
    Operation k = table == null ? null : SymbolTable.lookupSymbolIn(table, l.kernel());
    if (k == null || !k.isA(KernelOp.DEF)) throw Verify.opError(op, "'@" + l.kernel() + "' does not reference a cuda.kernel");
  }
}
