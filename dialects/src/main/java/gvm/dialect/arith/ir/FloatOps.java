package gvm.dialect.arith.ir;

import static gvm.dialect.arith.ir.ConstFold.*;
import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.ir.attributes.Attribute;
import gvm.ir.rewrite.OpFoldResult;

import static gvm.dialect.builtin.ir.CommonTypeConstraints.FLOAT_LIKE;
import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.OpView;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;

/**
 * Floating-point arithmetic of the arith dialect (Arith_FloatBinaryOp and Arith_FloatUnaryOp): pure
 * elementwise ops over floating-point-like values of one type, with {@code fastmath<...>} flags.
 */
public final class FloatOps {
  private FloatOps() {}

  /** Arith_FloatBinaryOp. */
  static OpDef floatBinaryOp(String mnemonic, String summary, Trait... traits) {
    return OpDef.named("arith." + mnemonic).summary(summary)
        .operand("lhs", FLOAT_LIKE)
        .operand("rhs", FLOAT_LIKE)
        .property("fastmath", FastMathFlagsAttr.CONSTRAINT, FastMathFlagsAttr.NONE)
        .result("result", FLOAT_LIKE)
        .traits(ELEMENTWISE, PURE, SAME_OPERANDS_AND_RESULT_TYPE).traits(traits).implement(OpPatternKind.Interface.class, OpPatternKind.ELEMENTWISE.model())
        .format("$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)");
  }

  /** The base of binary float op views. */
  public abstract static class FloatBinaryOp extends BinaryOpView {
    FloatBinaryOp(Operation op, OpDef def) { super(op, def); }

    public final FastMathFlagsAttr fastmath() { return (FastMathFlagsAttr) op.prop("fastmath"); }
  }

  /** {@code arith.addf}. */
  public static final class AddFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinaryOp("addf", "floating point addition operation", COMMUTATIVE).folder(AddFOp::fold);

    public AddFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // addf(x, -0) -> x
      if (isFloat(c[1], -0.0)) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(floatBinary(c[0], c[1], (a, b) -> a + b));
    }
  }

  /** {@code arith.subf}. */
  public static final class SubFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinaryOp("subf", "floating point subtraction operation").folder(SubFOp::fold);

    public SubFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // subf(x, +0) -> x
      if (isFloat(c[1], 0.0)) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(floatBinary(c[0], c[1], (a, b) -> a - b));
    }
  }

  /** {@code arith.mulf}. */
  public static final class MulFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinaryOp("mulf", "floating point multiplication operation", COMMUTATIVE).folder(MulFOp::fold);

    public MulFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // mulf(x, 1) -> x
      if (isFloat(c[1], 1.0)) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(floatBinary(c[0], c[1], (a, b) -> a * b));
    }
  }

  /** {@code arith.divf}. */
  public static final class DivFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinaryOp("divf", "floating point division operation").folder(DivFOp::fold);

    public DivFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // divf(x, 1) -> x
      if (isFloat(c[1], 1.0)) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(floatBinary(c[0], c[1], (a, b) -> a / b));
    }
  }

  /** {@code arith.remf}: the remainder has the sign of the dividend. */
  public static final class RemFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinaryOp("remf", "floating point division remainder operation").folder(RemFOp::fold);

    public RemFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // remf(c0, c1) -> fmod(c0, c1), exact in any precision
      return OpFoldResult.of(floatBinary(c[0], c[1], (a, b) -> a % b));
    }
  }

  /** {@code arith.maximumf}: -0.0 &lt; +0.0; NaN if either operand is NaN. */
  public static final class MaximumFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinaryOp("maximumf", "floating-point maximum operation", COMMUTATIVE).folder(MaximumFOp::fold);

    public MaximumFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // maximumf(x, x) -> x
      if (op.operand(0) == op.operand(1)) return OpFoldResult.of(op.operand(1));
      // maximumf(x, NEGATIVE_INFINITY) -> x
      if (isFloat(c[1], Double.NEGATIVE_INFINITY)) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(floatBinary(c[0], c[1], (a, b) -> Math.max(a, b)));
    }
  }

  /** {@code arith.minimumf}: -0.0 &lt; +0.0; NaN if either operand is NaN. */
  public static final class MinimumFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinaryOp("minimumf", "floating-point minimum operation", COMMUTATIVE).folder(MinimumFOp::fold);

    public MinimumFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // minimumf(x, x) -> x
      if (op.operand(0) == op.operand(1)) return OpFoldResult.of(op.operand(1));
      // minimumf(x, POSITIVE_INFINITY) -> x
      if (isFloat(c[1], Double.POSITIVE_INFINITY)) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(floatBinary(c[0], c[1], (a, b) -> Math.min(a, b)));
    }
  }

  /** {@code arith.maxnumf}: a NaN operand yields the other operand. */
  public static final class MaxNumFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinaryOp("maxnumf", "floating-point maximum operation", COMMUTATIVE).folder(MaxNumFOp::fold);

    public MaxNumFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // maxnumf(x, x) -> x
      if (op.operand(0) == op.operand(1)) return OpFoldResult.of(op.operand(1));
      // maxnumf(x, NaN) -> x
      if ((splatFloat(c[1]) != null && Double.isNaN(splatFloat(c[1])))) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(floatBinary(c[0], c[1], (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : a < b ? b : a));
    }
  }

  /** {@code arith.minnumf}: a NaN operand yields the other operand. */
  public static final class MinNumFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinaryOp("minnumf", "floating-point minimum operation", COMMUTATIVE).folder(MinNumFOp::fold);

    public MinNumFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // minnumf(x, x) -> x
      if (op.operand(0) == op.operand(1)) return OpFoldResult.of(op.operand(1));
      // minnumf(x, NaN) -> x
      if ((splatFloat(c[1]) != null && Double.isNaN(splatFloat(c[1])))) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(floatBinary(c[0], c[1], (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : b < a ? b : a));
    }
  }

  /** {@code arith.negf} (Arith_FloatUnaryOp). */
  public static final class NegFOp extends OpView {
    public static final OpDef DEF = OpDef.named("arith.negf").summary("floating point negation")
        .operand("operand", FLOAT_LIKE)
        .property("fastmath", FastMathFlagsAttr.CONSTRAINT, FastMathFlagsAttr.NONE)
        .result("result", FLOAT_LIKE)
        .traits(ELEMENTWISE, PURE, SAME_OPERANDS_AND_RESULT_TYPE).implement(OpPatternKind.Interface.class, OpPatternKind.ELEMENTWISE.model())
        .format("$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($result)")
        .folder(NegFOp::fold);

    public NegFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // negf(negf(x)) -> x
      Operation inner = op.operand(0).definingOp();
      if (inner != null && inner.isA(DEF)) return OpFoldResult.of(inner.operand(0));
      return OpFoldResult.of(floatUnary(c[0], a -> -a));
    }

    public Value operand() { return op.operand(0); }

    public OpResult result() { return op.result(0); }

    public FastMathFlagsAttr fastmath() { return (FastMathFlagsAttr) op.prop("fastmath"); }
  }
}
