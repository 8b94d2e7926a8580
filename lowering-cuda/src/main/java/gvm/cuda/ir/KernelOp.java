package gvm.cuda.ir;

import static gvm.ir.def.Trait.SYMBOL;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.StringAttr;
import gvm.ir.def.OpDef;

/**
 * {@code cuda.kernel}: one CUDA C++ kernel, a symbol that {@code cuda.launch} names. {@code kind}
 * says which template it came from (gemv, gemm, rms_norm, ...), {@code group} the location of the
 * first gptvm op group lowered into it (named in compile errors); {@code source} is the whole
 * translation unit, whose {@code extern "C" __global__} function has the symbol's name.
 *
 * <pre>{@code
 * cuda.kernel @add_f32_64 kind("add") group("model.layers.0") source("...")
 * }</pre>
 */
public final class KernelOp extends OpView {
  public static final OpDef DEF = OpDef.named("cuda.kernel")
      .summary("a CUDA C++ kernel emitted by gvm")
      .property("sym_name", CommonAttrConstraints.SYMBOL_NAME_ATTR)
      .property("kind", CommonAttrConstraints.STR_ATTR)
      .property("group", CommonAttrConstraints.STR_ATTR)
      .property("source", CommonAttrConstraints.STR_ATTR)
      .traits(SYMBOL)
      .format("$sym_name `kind` `(` $kind `)` `group` `(` $group `)` `source` `(` $source `)` attr-dict")
      .verifier(KernelOp::verify);

  public KernelOp(Operation op) { super(op, DEF); }

  public String symName() { return str("sym_name"); }

  public String kind() { return str("kind"); }

  public String group() { return str("group"); }

  public String source() { return str("source"); }

  private String str(String prop) { return ((StringAttr) op.prop(prop)).value(); }

  private static void verify(Operation op) {
    KernelOp k = new KernelOp(op);
    if (!k.source().contains("extern \"C\" __global__") || !k.source().contains(" " + k.symName() + "("))
      throw Verify.opError(op, "source does not define the kernel '" + k.symName() + "'");
  }
}
