package gvm.dialect.arith.ir;

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
  static OpDef floatBinary(String mnemonic, String summary, Trait... traits) {
    return OpDef.named("arith." + mnemonic).summary(summary)
        .operand("lhs", FLOAT_LIKE)
        .operand("rhs", FLOAT_LIKE)
        .property("fastmath", FastMathFlagsAttr.CONSTRAINT, FastMathFlagsAttr.NONE)
        .result("result", FLOAT_LIKE)
        .traits(ELEMENTWISE, PURE, SAME_OPERANDS_AND_RESULT_TYPE).traits(traits)
        .format("$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)");
  }

  /** The base of binary float op views. */
  public abstract static class FloatBinaryOp extends BinaryOpView {
    FloatBinaryOp(Operation op, OpDef def) { super(op, def); }

    public final FastMathFlagsAttr fastmath() { return (FastMathFlagsAttr) op.prop("fastmath"); }
  }

  /** {@code arith.addf}. */
  public static final class AddFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinary("addf", "floating point addition operation", COMMUTATIVE);

    public AddFOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.subf}. */
  public static final class SubFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinary("subf", "floating point subtraction operation");

    public SubFOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.mulf}. */
  public static final class MulFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinary("mulf", "floating point multiplication operation", COMMUTATIVE);

    public MulFOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.divf}. */
  public static final class DivFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinary("divf", "floating point division operation");

    public DivFOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.remf}: the remainder has the sign of the dividend. */
  public static final class RemFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinary("remf", "floating point division remainder operation");

    public RemFOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.maximumf}: -0.0 &lt; +0.0; NaN if either operand is NaN. */
  public static final class MaximumFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinary("maximumf", "floating-point maximum operation", COMMUTATIVE);

    public MaximumFOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.minimumf}: -0.0 &lt; +0.0; NaN if either operand is NaN. */
  public static final class MinimumFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinary("minimumf", "floating-point minimum operation", COMMUTATIVE);

    public MinimumFOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.maxnumf}: a NaN operand yields the other operand. */
  public static final class MaxNumFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinary("maxnumf", "floating-point maximum operation", COMMUTATIVE);

    public MaxNumFOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.minnumf}: a NaN operand yields the other operand. */
  public static final class MinNumFOp extends FloatBinaryOp {
    public static final OpDef DEF = floatBinary("minnumf", "floating-point minimum operation", COMMUTATIVE);

    public MinNumFOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.negf} (Arith_FloatUnaryOp). */
  public static final class NegFOp extends OpView {
    public static final OpDef DEF = OpDef.named("arith.negf").summary("floating point negation")
        .operand("operand", FLOAT_LIKE)
        .property("fastmath", FastMathFlagsAttr.CONSTRAINT, FastMathFlagsAttr.NONE)
        .result("result", FLOAT_LIKE)
        .traits(ELEMENTWISE, PURE, SAME_OPERANDS_AND_RESULT_TYPE)
        .format("$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($result)");

    public NegFOp(Operation op) { super(op, DEF); }

    public Value operand() { return op.operand(0); }

    public OpResult result() { return op.result(0); }

    public FastMathFlagsAttr fastmath() { return (FastMathFlagsAttr) op.prop("fastmath"); }
  }
}
