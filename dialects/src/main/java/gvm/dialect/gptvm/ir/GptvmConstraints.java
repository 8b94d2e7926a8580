package gvm.dialect.gptvm.ir;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.StringAttr;
import gvm.ir.print.AsmPrinter;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.FloatType;
import gvm.ir.types.RankedTensorType;

/** Type and attribute constraints of the gptvm and kv ops, worded as ODS words its own. */
public final class GptvmConstraints {
  private GptvmConstraints() {}

  /** ODS RankedTensorOf&lt;[AnyFloat]&gt;: activations and weights. */
  public static final TypeConstraint FLOAT_TENSOR = TypeConstraint.of("ranked tensor of floating-point values",
      t -> t instanceof RankedTensorType r && r.elementType() instanceof FloatType);

  /** ODS RankedTensorOf&lt;[AnySignlessInteger, Index]&gt;: token ids and positions. */
  public static final TypeConstraint INT_TENSOR = TypeConstraint.of("ranked tensor of signless integer or index values",
      t -> t instanceof RankedTensorType r && CommonTypeConstraints.isSignlessIntegerOrIndex(r.elementType()));

  /** ODS AnyStaticShapeTensor: a checkpoint weight has a fixed shape. */
  public static final TypeConstraint STATIC_TENSOR = TypeConstraint.of("statically shaped tensor of any type values",
      t -> t instanceof RankedTensorType r && r.hasStaticShape());

  /** ODS I64: a sampling seed / random state. */
  public static final TypeConstraint I64 = new TypeConstraint("64-bit signless integer",
      t -> t instanceof gvm.ir.types.IntegerType i && i.isSignless() && i.width() == 64, gvm.ir.types.IntegerType.I64);

  /** ODS F64Attr, written without its type ({@code eps(1.000000e-05)}). */
  public static final AttrConstraint F64_ATTR = AttrConstraint.of("64-bit float attribute",
      a -> a instanceof FloatAttr f && f.type().equals(FloatType.F64)).withAsm(AttrAsm.typed(FloatType.F64));

  /** ODS I64Attr, written without its type. */
  public static final AttrConstraint I64_ATTR = CommonAttrConstraints.I64_ATTR;

  /** ODS StrAttr; in a format it reads and prints a bare string (no {@code : type}, which would read the result type). */
  public static final AttrConstraint STR_ATTR = CommonAttrConstraints.STR_ATTR.withAsm(new AttrAsm() {
    @Override public Attribute parse(AsmParser p, String name) { return StringAttr.of(p.parseString()); }

    @Override public Attribute parseOptional(AsmParser p, String name) {
      String s = p.parseOptionalString();
      return s == null ? null : StringAttr.of(s);
    }

    @Override public void print(Attribute a, AsmPrinter p) {
      if (a instanceof StringAttr s && s.type() == null) p.printString(s.value()); else p.printAttribute(a);
    }
  });

  public static final AttrConstraint UNIT_ATTR = CommonAttrConstraints.UNIT_ATTR;

  /** ODS DenseI64ArrayAttr, written {@code [1, 0, 2]}. */
  public static final AttrConstraint DENSE_I64_ARRAY = gvm.dialect.tensor.ir.TensorConstraints.DENSE_I64_ARRAY;

  /** Pairing of rotated lanes in {@code gptvm.rope}: {@code rotate_half} (HF Llama) or {@code interleaved} (llama2.c). */
  public static final AttrConstraint ROPE_LAYOUT = CommonAttrConstraints.intEnum("rope lane pairing", 32, "rotate_half", "interleaved");

  public static final int ROPE_ROTATE_HALF = 0;
  public static final int ROPE_INTERLEAVED = 1;

  /** {@code gptvm.gelu}'s formula: exact (erf) or the tanh approximation. */
  public static final AttrConstraint GELU_APPROXIMATION = CommonAttrConstraints.intEnum("gelu approximation", 32, "none", "tanh");

  public static FloatAttr f64(double v) { return FloatAttr.of(FloatType.F64, v); }
}
