package gvm.dialect.arith.ir;

import static gvm.dialect.builtin.ir.CommonTypeConstraints.BOOL_LIKE;
import static gvm.dialect.builtin.ir.CommonTypeConstraints.SIGNLESS_INTEGER_OR_INDEX_LIKE;
import static gvm.ir.def.Trait.*;

import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import gvm.ir.types.IndexType;

/**
 * Integer arithmetic of the arith dialect (ArithOps.td's Arith_IntBinaryOp family): addition,
 * multiplication, division, remainders, bitwise ops, shifts, min/max and the extended ops.
 */
public final class IntegerOps {
  private IntegerOps() {}

  /** Arith_IntBinaryOp: two signless-integer-like operands and a result, all of one type. */
  static OpDef intBinary(String mnemonic, String summary, Trait... traits) {
    return OpDef.named("arith." + mnemonic).summary(summary)
        .operand("lhs", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .operand("rhs", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .result("result", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .traits(ELEMENTWISE, SAME_OPERANDS_AND_RESULT_TYPE).traits(traits)
        .format("$lhs `,` $rhs attr-dict `:` type($result)");
  }

  /** Arith_IntBinaryOpWithOverflowFlags: pure, with {@code overflow<nsw, nuw>} flags. */
  static OpDef withOverflowFlags(String mnemonic, String summary, Trait... traits) {
    return intBinary(mnemonic, summary, traits).traits(PURE)
        .property("overflowFlags", IntegerOverflowFlagsAttr.CONSTRAINT, IntegerOverflowFlagsAttr.NONE)
        .format("$lhs `,` $rhs (`overflow` `` $overflowFlags^)? attr-dict `:` type($result)");
  }

  /** The base of ops with overflow flags. */
  public abstract static class WithOverflowFlags extends BinaryOpView {
    WithOverflowFlags(Operation op, OpDef def) { super(op, def); }

    public final IntegerOverflowFlagsAttr overflowFlags() { return (IntegerOverflowFlagsAttr) op.prop("overflowFlags"); }
  }

  /** {@code arith.addi}: N-bit addition modulo 2^N. */
  public static final class AddIOp extends WithOverflowFlags {
    public static final OpDef DEF = withOverflowFlags("addi", "integer addition operation", COMMUTATIVE);

    public AddIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.subi}: N-bit subtraction modulo 2^N. */
  public static final class SubIOp extends WithOverflowFlags {
    public static final OpDef DEF = withOverflowFlags("subi", "Integer subtraction operation.");

    public SubIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.muli}: N-bit multiplication modulo 2^N. */
  public static final class MulIOp extends WithOverflowFlags {
    public static final OpDef DEF = withOverflowFlags("muli", "Integer multiplication operation.", COMMUTATIVE)
        .resultNames(MulIOp::nameVscaleProduct);

    public MulIOp(Operation op) { super(op, DEF); }

    /** {@code base * vector.vscale} on index is named {@code %c<base>_vscale}, as MLIR's MulIOp::getAsmResultNames. */
    private static void nameVscaleProduct(Operation op, String[] names) {
      if (!(op.result(0).type() instanceof IndexType)) return;
      Long base = constantTimesVscale(op.operand(0), op.operand(1));
      if (base == null) base = constantTimesVscale(op.operand(1), op.operand(0));
      if (base != null) names[0] = "c" + base + "_vscale";
    }

    // Matched by name: vector.vscale lives in a dialect arith must not depend on.
    private static Long constantTimesVscale(Value a, Value b) {
      Operation c = a.definingOp(), v = b.definingOp();
      if (c == null || v == null || !c.isA(ConstantOp.DEF) || !v.name().equals("vector.vscale")) return null;
      return c.prop("value") instanceof IntegerAttr i ? i.value() : null;
    }
  }

  /** {@code arith.divui}: unsigned division rounding towards zero; undefined on division by zero. */
  public static final class DivUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("divui", "unsigned integer division operation");

    public DivUIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.divsi}: signed division rounding towards zero. */
  public static final class DivSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("divsi", "signed integer division operation");

    public DivSIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.ceildivui}: unsigned division rounding towards positive infinity. */
  public static final class CeilDivUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("ceildivui", "unsigned ceil integer division operation");

    public CeilDivUIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.ceildivsi}: signed division rounding towards positive infinity. */
  public static final class CeilDivSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("ceildivsi", "signed ceil integer division operation");

    public CeilDivSIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.floordivsi}: signed division rounding towards negative infinity. */
  public static final class FloorDivSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("floordivsi", "signed floor integer division operation", PURE);

    public FloorDivSIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.remui}: unsigned remainder. */
  public static final class RemUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("remui", "unsigned integer division remainder operation", PURE);

    public RemUIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.remsi}: signed remainder, with the sign of the dividend. */
  public static final class RemSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("remsi", "signed integer division remainder operation", PURE);

    public RemSIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.andi}. */
  public static final class AndIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("andi", "integer binary and", PURE, COMMUTATIVE, IDEMPOTENT);

    public AndIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.ori}. */
  public static final class OrIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("ori", "integer binary or", PURE, COMMUTATIVE, IDEMPOTENT);

    public OrIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.xori}. */
  public static final class XOrIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("xori", "integer binary xor", PURE, COMMUTATIVE);

    public XOrIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.shli}: shift left; poison when the amount is at least the bit width. */
  public static final class ShLIOp extends WithOverflowFlags {
    public static final OpDef DEF = withOverflowFlags("shli", "integer left-shift");

    public ShLIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.shrui}: logical shift right. */
  public static final class ShRUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("shrui", "unsigned integer right-shift", PURE);

    public ShRUIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.shrsi}: arithmetic shift right. */
  public static final class ShRSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("shrsi", "signed integer right-shift", PURE);

    public ShRSIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.maxsi}. */
  public static final class MaxSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("maxsi", "signed integer maximum operation", PURE, COMMUTATIVE);

    public MaxSIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.maxui}. */
  public static final class MaxUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("maxui", "unsigned integer maximum operation", PURE, COMMUTATIVE);

    public MaxUIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.minsi}. */
  public static final class MinSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("minsi", "signed integer minimum operation", PURE, COMMUTATIVE);

    public MinSIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.minui}. */
  public static final class MinUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinary("minui", "unsigned integer minimum operation", PURE, COMMUTATIVE);

    public MinUIOp(Operation op) { super(op, DEF); }
  }

  /** {@code arith.addui_extended}: (N+1)-bit addition of zero-extended operands: the N-bit sum and the carry. */
  public static final class AddUIExtendedOp extends BinaryOpView {
    public static final OpDef DEF = OpDef.named("arith.addui_extended")
        .summary("extended unsigned integer addition operation returning sum and overflow bit")
        .operand("lhs", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .operand("rhs", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .result("sum", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .result("overflow", BOOL_LIKE)
        .traits(ELEMENTWISE, PURE, COMMUTATIVE)
        .allTypesMatch("lhs", "rhs", "sum")
        .format("$lhs `,` $rhs attr-dict `:` type($sum) `,` type($overflow)")
        .resultNames((op, names) -> {
          names[0] = "sum";
          names[1] = "overflow";
        });

    public AddUIExtendedOp(Operation op) { super(op, DEF); }

    public OpResult overflow() { return op.result(1); }
  }

  /** {@code arith.mulsi_extended}: (2N)-bit product of sign-extended operands, as low and high halves. */
  public static final class MulSIExtendedOp extends BinaryOpView {
    public static final OpDef DEF = extendedMul("mulsi_extended", "extended signed integer multiplication operation");

    public MulSIExtendedOp(Operation op) { super(op, DEF); }

    public OpResult high() { return op.result(1); }
  }

  /** {@code arith.mului_extended}: (2N)-bit product of zero-extended operands, as low and high halves. */
  public static final class MulUIExtendedOp extends BinaryOpView {
    public static final OpDef DEF = extendedMul("mului_extended", "extended unsigned integer multiplication operation");

    public MulUIExtendedOp(Operation op) { super(op, DEF); }

    public OpResult high() { return op.result(1); }
  }

  private static OpDef extendedMul(String mnemonic, String summary) {
    return OpDef.named("arith." + mnemonic).summary(summary)
        .operand("lhs", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .operand("rhs", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .result("low", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .result("high", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .traits(ELEMENTWISE, PURE, COMMUTATIVE)
        .allTypesMatch("lhs", "rhs", "low", "high")
        .format("$lhs `,` $rhs attr-dict `:` type($lhs)")
        .resultNames((op, names) -> {
          names[0] = "low";
          names[1] = "high";
        });
  }
}
