package gvm.dialect.arith.ir;

import static gvm.dialect.arith.ir.ArithTypes.*;
import static gvm.dialect.builtin.ir.CommonTypeConstraints.FLOAT_LIKE;
import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CastOpInterface;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.FloatType;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.MemRefType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.ir.types.UnrankedTensorType;
import gvm.ir.types.VectorType;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The casts of the arith dialect (Arith_CastOp): one operand {@code $in}, one result {@code $out}
 * of the same shape, {@code $in attr-dict : type($in) to type($out)}. Which type pairs each cast
 * accepts is its {@link CastOpInterface}, as in ArithOps.cpp.
 */
public final class CastOps {
  private CastOps() {}

  static OpDef cast(String mnemonic, String summary, TypeConstraint from, TypeConstraint to, CastOpInterface compatible) {
    return OpDef.named("arith." + mnemonic).summary(summary)
        .operand("in", from)
        .result("out", to)
        .traits(ELEMENTWISE, PURE, SAME_OPERANDS_AND_RESULT_SHAPE).implement(OpPatternKind.Interface.class, OpPatternKind.ELEMENTWISE.model())
        .format("$in attr-dict `:` type($in) `to` type($out)")
        .implement(CastOpInterface.class, compatible)
        .verifier(CastOps::verifySameInputOutputTensorDims)
        .verifier(CastOpInterface::verify);
  }

  /** The view shared by the casts. */
  public abstract static class CastOpView extends OpView {
    CastOpView(Operation op, OpDef def) { super(op, def); }

    public final Value in() { return op.operand(0); }

    public final OpResult out() { return op.result(0); }
  }

  /** {@code arith.extui}: zero extension to a wider integer. */
  public static final class ExtUIOp extends CastOpView {
    public static final OpDef DEF = cast("extui", "integer zero extension operation", SIGNLESS_FIXED_WIDTH_INTEGER_LIKE,
        SIGNLESS_FIXED_WIDTH_INTEGER_LIKE, widthChange(IntegerType.class::isInstance, 1)).verifier(op -> verifyWidth(op, 1))
        .folder(CastFolders::extUI);

    public ExtUIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.extsi}: sign extension to a wider integer. */
  public static final class ExtSIOp extends CastOpView {
    public static final OpDef DEF = cast("extsi", "integer sign extension operation", SIGNLESS_FIXED_WIDTH_INTEGER_LIKE,
        SIGNLESS_FIXED_WIDTH_INTEGER_LIKE, widthChange(IntegerType.class::isInstance, 1)).verifier(op -> verifyWidth(op, 1))
        .folder(CastFolders::extSI);

    public ExtSIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.extf}: conversion to a wider float type. */
  public static final class ExtFOp extends CastOpView {
    public static final OpDef DEF = cast("extf", "cast from floating-point to wider floating-point", FLOAT_LIKE, FLOAT_LIKE,
        widthChange(FloatType.class::isInstance, 1))
        .optionalProperty("fastmath", FastMathFlagsAttr.CONSTRAINT)
        .format("$in (`fastmath` `` $fastmath^)? attr-dict `:` type($in) `to` type($out)")
        .verifier(op -> verifyWidth(op, 1))
        .folder(CastFolders::extF);

    public ExtFOp(Operation op) { super(op, DEF); }

    /** The flags, or null when absent. */
    public FastMathFlagsAttr fastmath() { return (FastMathFlagsAttr) op.prop("fastmath"); }
  }

  /** {@code arith.trunci}: truncation to a narrower integer. */
  public static final class TruncIOp extends CastOpView {
    public static final OpDef DEF = cast("trunci", "integer truncation operation", SIGNLESS_FIXED_WIDTH_INTEGER_LIKE,
        SIGNLESS_FIXED_WIDTH_INTEGER_LIKE, widthChange(IntegerType.class::isInstance, -1)).verifier(op -> verifyWidth(op, -1))
        .folder(CastFolders::truncI);

    public TruncIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.truncf}: conversion to a narrower float type, with an optional rounding mode. */
  public static final class TruncFOp extends CastOpView {
    public static final OpDef DEF = cast("truncf", "cast from floating-point to narrower floating-point", FLOAT_LIKE, FLOAT_LIKE,
        widthChange(FloatType.class::isInstance, -1))
        .optionalProperty("roundingmode", ArithEnums.ROUNDING_MODE)
        .optionalProperty("fastmath", FastMathFlagsAttr.CONSTRAINT)
        .format("$in ($roundingmode^)? (`fastmath` `` $fastmath^)? attr-dict `:` type($in) `to` type($out)")
        .verifier(op -> verifyWidth(op, -1))
        .folder(CastFolders::truncF);

    public TruncFOp(Operation op) { super(op, DEF); }

    /** The rounding mode, or null for the default (to_nearest_even). */
    public ArithEnums.RoundingMode roundingMode() { return ArithEnums.RoundingMode.of(op.prop("roundingmode")); }

    /** The flags, or null when absent. */
    public FastMathFlagsAttr fastmath() { return (FastMathFlagsAttr) op.prop("fastmath"); }
  }

  /** {@code arith.uitofp}: unsigned integer to float, rounding to nearest even. */
  public static final class UIToFPOp extends CastOpView {
    public static final OpDef DEF = cast("uitofp", "cast from unsigned integer type to floating-point", SIGNLESS_FIXED_WIDTH_INTEGER_LIKE,
        FLOAT_LIKE, intFloat(true))
        .folder(CastFolders::uiToFP);

    public UIToFPOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.sitofp}: signed integer to float, rounding to nearest even. */
  public static final class SIToFPOp extends CastOpView {
    public static final OpDef DEF = cast("sitofp", "cast from integer type to floating-point", SIGNLESS_FIXED_WIDTH_INTEGER_LIKE,
        FLOAT_LIKE, intFloat(true))
        .folder(CastFolders::siToFP);

    public SIToFPOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.fptoui}: float to unsigned integer, rounding towards zero. */
  public static final class FPToUIOp extends CastOpView {
    public static final OpDef DEF = cast("fptoui", "cast from floating-point type to integer type", FLOAT_LIKE,
        SIGNLESS_FIXED_WIDTH_INTEGER_LIKE, intFloat(false))
        .folder(CastFolders::fpToUI);

    public FPToUIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.fptosi}: float to signed integer, rounding towards zero. */
  public static final class FPToSIOp extends CastOpView {
    public static final OpDef DEF = cast("fptosi", "cast from floating-point type to integer type", FLOAT_LIKE,
        SIGNLESS_FIXED_WIDTH_INTEGER_LIKE, intFloat(false))
        .folder(CastFolders::fpToSI);

    public FPToSIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.index_cast}: between index and signless integers, sign-extending. */
  public static final class IndexCastOp extends CastOpView {
    public static final OpDef DEF = cast("index_cast", "cast between index and integer types", INDEX_CAST_TYPE, INDEX_CAST_TYPE,
        CastOps::areIndexCastCompatible)
        .folder(CastFolders::indexCast);

    public IndexCastOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.index_castui}: between index and signless integers, zero-extending. */
  public static final class IndexCastUIOp extends CastOpView {
    public static final OpDef DEF = cast("index_castui", "unsigned cast between index and integer types", INDEX_CAST_TYPE,
        INDEX_CAST_TYPE, CastOps::areIndexCastCompatible)
        .folder(CastFolders::indexCastUI);

    public IndexCastUIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.bitcast}: reinterprets bits between integers and floats of equal width. */
  public static final class BitcastOp extends CastOpView {
    public static final OpDef DEF = cast("bitcast", "bitcast between values of equal bit width", BITCAST_TYPE, BITCAST_TYPE,
        CastOps::areBitcastCompatible)
        .folder(CastFolders::bitcast);

    public BitcastOp(Operation op) { super(op, DEF); }
  }

  // ---------------------------------------------------------------- cast compatibility (ArithOps.cpp)

  /**
   * The element type of a scalar, vector or tensor (and memref when {@code memref}) whose element
   * satisfies {@code element}, else null (ArithOps.cpp's getTypeIfLike / getTypeIfLikeOrMemRef).
   */
  private static Type underlying(Type t, boolean memref, Predicate<Type> element) {
    if (t instanceof ShapedType s) {
      boolean allowed = t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType
          || (memref && t instanceof MemRefType);
      if (!allowed) return null;
      t = s.elementType();
    }
    return element.test(t) ? t : null;
  }

  private static int width(Type t) {
    return t instanceof IntegerType it ? it.width() : t instanceof FloatType ft ? ft.width() : -1;
  }

  /** One input, one output, same tensor encoding, compatible shapes. */
  private static boolean areValidCastInputsAndOutputs(List<Type> ins, List<Type> outs) {
    if (ins.size() != 1 || outs.size() != 1) return false;
    Type a = ins.get(0), b = outs.get(0);
    if (a instanceof RankedTensorType ra && b instanceof RankedTensorType rb && !Objects.equals(ra.encoding(), rb.encoding()))
      return false;
    return compatibleShapes(a, b);
  }

  /** MLIR's verifyCompatibleShapes for two types: both shaped or neither; ranked shapes agree where static. */
  static boolean compatibleShapes(Type a, Type b) {
    if (!(a instanceof ShapedType sa)) return !(b instanceof ShapedType);
    if (!(b instanceof ShapedType sb)) return false;
    if (!sa.hasRank() || !sb.hasRank()) return true;
    if (sa.rank() != sb.rank()) return false;
    for (int i = 0; i < sa.rank(); i++) {
      long x = sa.shape().dim(i), y = sb.shape().dim(i);
      if (x != y && x != ShapedType.DYNAMIC && y != ShapedType.DYNAMIC) return false;
    }
    return true;
  }

  /** checkWidthChangeCast: {@code sign} 1 for widening, -1 for narrowing. */
  private static CastOpInterface widthChange(Predicate<Type> element, int sign) {
    return (ins, outs) -> {
      if (!areValidCastInputsAndOutputs(ins, outs)) return false;
      Type src = underlying(ins.get(0), false, element), dst = underlying(outs.get(0), false, element);
      return src != null && dst != null && Integer.signum(width(dst) - width(src)) == sign;
    };
  }

  /** checkIntFloatCast: integer to float ({@code toFloat}) or float to integer. */
  private static CastOpInterface intFloat(boolean toFloat) {
    Predicate<Type> isInt = IntegerType.class::isInstance, isFloat = FloatType.class::isInstance;
    return (ins, outs) -> areValidCastInputsAndOutputs(ins, outs) && underlying(ins.get(0), false, toFloat ? isInt : isFloat) != null
        && underlying(outs.get(0), false, toFloat ? isFloat : isInt) != null;
  }

  private static boolean areIndexCastCompatible(List<Type> ins, List<Type> outs) {
    if (!areValidCastInputsAndOutputs(ins, outs)) return false;
    Predicate<Type> intOrIndex = t -> t instanceof IntegerType || t instanceof IndexType;
    Type src = underlying(ins.get(0), true, intOrIndex), dst = underlying(outs.get(0), true, intOrIndex);
    if (src == null || dst == null) return false;
    return (src instanceof IndexType && isSignless(dst)) || (isSignless(src) && dst instanceof IndexType);
  }

  private static boolean isSignless(Type t) { return t instanceof IntegerType it && it.isSignless(); }

  private static boolean areBitcastCompatible(List<Type> ins, List<Type> outs) {
    if (!areValidCastInputsAndOutputs(ins, outs)) return false;
    Predicate<Type> intOrFloat = t -> t instanceof IntegerType || t instanceof FloatType;
    Type src = underlying(ins.get(0), true, intOrFloat), dst = underlying(outs.get(0), true, intOrFloat);
    return src != null && dst != null && width(src) == width(dst);
  }

  // ---------------------------------------------------------------- verifiers

  /** ODS SameInputOutputTensorDims: tensor operand and result have equal shapes (stricter than compatible). */
  private static void verifySameInputOutputTensorDims(Operation op) {
    if (!tensorDims(op.operand(0).type()).equals(tensorDims(op.result(0).type())))
      throw Verify.opError(op, "failed to verify that input and output have the same tensor dimensions");
  }

  private static List<Long> tensorDims(Type t) {
    if (!(t instanceof RankedTensorType r)) return List.of();
    Long[] dims = new Long[r.rank()];
    for (int i = 0; i < dims.length; i++) dims[i] = r.shape().dim(i);
    return List.of(dims);
  }

  /** verifyExtOp / verifyTruncateOp: the element width grows ({@code sign} 1) or shrinks (-1). */
  private static void verifyWidth(Operation op, int sign) {
    Type src = CommonTypeConstraints.elementTypeOrSelf(op.operand(0).type()), dst = CommonTypeConstraints.elementTypeOrSelf(op.result(0).type());
    if (Integer.signum(width(dst) - width(src)) == sign) return;
    throw Verify.error(op, "result type " + DiagText.quote(dst) + " must be " + (sign > 0 ? "wider" : "shorter") + " than operand type "
        + DiagText.quote(src));
  }
}
