package gvm.dialect.mesh.ir;

import static gvm.ir.def.Trait.SYMBOL;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.dialect.tensor.ir.TensorConstraints;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.StringAttr;
import gvm.ir.def.OpDef;
import gvm.ir.format.CustomDirective;
import gvm.ir.format.ParseArgs;
import gvm.ir.format.PrintArgs;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IntegerType;
import gvm.ir.types.ShapedType;

/**
 * {@code mesh.mesh}: a symbol naming a device mesh and its shape; {@code ?} marks an axis of unknown size.
 *
 * <pre>{@code
 * mesh.mesh @mesh0(shape = 4x?x2)
 * }</pre>
 */
public final class MeshOp extends OpView {
  public static final OpDef DEF = OpDef.named("mesh.mesh")
      .summary("Description of a device/process mesh.")
      .property("sym_name", CommonAttrConstraints.SYMBOL_NAME_ATTR)
      .property("shape", TensorConstraints.DENSE_I64_ARRAY)
      .traits(SYMBOL)
      .format("$sym_name `(` `shape` `=` custom<DimensionList>($shape) `)` attr-dict")
      .verifier(MeshOp::verify);

  public MeshOp(Operation op) { super(op, DEF); }

  public String symName() { return ((StringAttr) op.prop("sym_name")).value(); }

  /** The size of each mesh axis ({@link ShapedType#DYNAMIC} for {@code ?}). */
  public long[] shape() { return ((DenseArrayAttr) op.prop("shape")).toArray(); }

  public int rank() { return ((DenseArrayAttr) op.prop("shape")).size(); }

  private static void verify(Operation op) {
    DenseArrayAttr shape = (DenseArrayAttr) op.prop("shape");
    if (shape.size() <= 0) throw Verify.opError(op, "rank of mesh is expected to be a positive integer");
    for (int i = 0; i < shape.size(); i++)
      if (shape.get(i) < 0 && shape.get(i) != ShapedType.DYNAMIC)
        throw Verify.opError(op, "dimension size of a mesh is expected to be non-negative or dynamic");
  }

  /**
   * MLIR's {@code custom<DimensionList>}: {@code 2x?x4} into a DenseI64ArrayAttr, {@code ?} as
   * kDynamic; the empty list is written {@code []}.
   */
  static final class DimensionList implements CustomDirective {
    @Override public boolean parse(OpAsmParser p, ParseArgs args) {
      if (p.parseOptionalPunct("[")) {
        p.parsePunct("]");
        args.setAttr(0, new DenseArrayAttr(IntegerType.I64, new long[0]));
        return true;
      }
      int at = p.offset();
      long[] dims = p.parseDimensionList(true, false);
      if (dims.length == 0) throw p.error(at, "Failed parsing dimension list. Did you mean an empty list? It must be denoted by \"[]\".");
      args.setAttr(0, new DenseArrayAttr(IntegerType.I64, dims));
      return true;
    }

    @Override public void print(AsmPrinter p, Operation op, PrintArgs args) {
      DenseArrayAttr d = (DenseArrayAttr) args.attr(0);
      if (d.size() == 0) p.print("[]");
      for (int i = 0; i < d.size(); i++) {
        if (i > 0) p.print('x');
        if (d.get(i) == ShapedType.DYNAMIC) p.print('?'); else p.print(d.get(i));
      }
    }
  }
}
