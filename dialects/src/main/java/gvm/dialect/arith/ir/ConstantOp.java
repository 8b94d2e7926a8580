package gvm.dialect.arith.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Context;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.DenseResourceAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.rewrite.OpFoldResult;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import gvm.ir.types.VectorType;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code arith.constant}: an integer, float or elements constant; the result type is the value's
 * type ({@code arith.constant 7 : i32}, {@code arith.constant true}, {@code arith.constant dense<1.0> : tensor<4xf32>}).
 */
public final class ConstantOp extends OpView {
  public static final OpDef DEF = OpDef.named("arith.constant")
      .summary("integer or floating point constant")
      .property("value", CommonAttrConstraints.TYPED_ATTR)
      .result("result", CommonTypeConstraints.ANY_TYPE)
      .traits(CONSTANT_LIKE, PURE)
      .allTypesMatch("value", "result")
      .format("attr-dict $value")
      .resultNames(ConstantOp::nameResult)
      .folder((op, operands) -> OpFoldResult.of(op.prop("value")))
      .verifier(ConstantOp::verify);

  public ConstantOp(Operation op) { super(op, DEF); }

  /** A detached constant of a typed attribute (IntegerAttr, FloatAttr, DenseElementsAttr). */
  public static ConstantOp create(Context ctx, Location loc, Attribute value) {
    Type type = CommonAttrConstraints.typeOf(value);
    return new ConstantOp(create(ctx, DEF, loc, List.of(), List.of(type), List.of(new NamedAttribute("value", value))));
  }

  /** Creates a constant at the rewriter's insertion point and returns its result. */
  public static Value build(PatternRewriter r, Location loc, Attribute value) {
    Type type = CommonAttrConstraints.typeOf(value);
    return r.create(DEF, loc, List.of(), List.of(type), List.of(new NamedAttribute("value", value))).result(0);
  }

  /** Whether {@code value} can be the value of an {@code arith.constant} of {@code type} (MLIR's isBuildableWith). */
  public static boolean isBuildableWith(Attribute value, Type type) {
    if (!(value instanceof IntegerAttr || value instanceof FloatAttr || value instanceof DenseElementsAttr)) return false;
    if (!type.equals(CommonAttrConstraints.typeOf(value))) return false;
    return !(type instanceof IntegerType it) || it.isSignless();
  }

  public Attribute value() { return op.prop("value"); }

  public OpResult result() { return op.result(0); }

  /** MLIR's getAsmResultNames: {@code %true}/{@code %false}, {@code %c42_i32}, {@code %c64} for index, else {@code %cst}. */
  private static void nameResult(Operation op, String[] names) {
    Type type = op.result(0).type();
    if (!(op.prop("value") instanceof IntegerAttr c)) {
      names[0] = "cst";
      return;
    }
    if (type instanceof IntegerType it && it.width() == 1) {
      names[0] = c.value() != 0 ? "true" : "false";
      return;
    }
    String name = "c" + signedValue(c);
    names[0] = type instanceof IntegerType ? name + "_" + AsmPrinter.toString(null, type) : name;
  }

  /** The value read as a two's complement number of its width, as APInt prints itself. */
  private static BigInteger signedValue(IntegerAttr c) {
    int w = IntegerAttr.width(c.type());
    if (c.wide() == null) return BigInteger.valueOf(IntegerAttr.truncate(c.value(), w, false));
    BigInteger v = c.wide();
    // Unsigned values are held zero-extended; signless and signed ones are already negative.
    return v.signum() >= 0 && v.testBit(w - 1) ? v.subtract(BigInteger.ONE.shiftLeft(w)) : v;
  }

  private static void verify(Operation op) {
    Type type = op.result(0).type();
    Attribute value = op.prop("value");
    if (type instanceof IntegerType it && !it.isSignless()) throw Verify.opError(op, "integer return type must be signless");
    if (!(value instanceof IntegerAttr || value instanceof FloatAttr || value instanceof DenseElementsAttr || value instanceof DenseResourceAttr))
      throw Verify.opError(op, "value must be an integer, float, or elements attribute");
    if (type instanceof VectorType v && v.scalableDims().any() && !(value instanceof DenseElementsAttr d && d.isSplat()))
      throw Verify.opError(op, "intializing scalable vectors with elements attribute is not supported unless it's a vector splat");
  }
}
