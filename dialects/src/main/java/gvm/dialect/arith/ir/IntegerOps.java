package gvm.dialect.arith.ir;

import static gvm.dialect.builtin.ir.CommonTypeConstraints.BOOL_LIKE;
import static gvm.dialect.builtin.ir.CommonTypeConstraints.SIGNLESS_INTEGER_OR_INDEX_LIKE;
import static gvm.ir.def.Trait.*;

import static gvm.dialect.arith.ir.ConstFold.*;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.rewrite.Folding;
import gvm.ir.rewrite.OpFoldResult;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import gvm.ir.types.IndexType;
import gvm.ir.types.Type;
import java.util.List;

/**
 * Integer arithmetic of the arith dialect (ArithOps.td's Arith_IntBinaryOp family): addition,
 * multiplication, division, remainders, bitwise ops, shifts, min/max and the extended ops.
 */
public final class IntegerOps {
  private IntegerOps() {}

  /** Arith_IntBinaryOp: two signless-integer-like operands and a result, all of one type. */
  static OpDef intBinaryOp(String mnemonic, String summary, Trait... traits) {
    return OpDef.named("arith." + mnemonic).summary(summary)
        .operand("lhs", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .operand("rhs", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .result("result", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .traits(ELEMENTWISE, SAME_OPERANDS_AND_RESULT_TYPE).traits(traits).implement(OpPatternKind.Interface.class, OpPatternKind.ELEMENTWISE.model())
        .format("$lhs `,` $rhs attr-dict `:` type($result)");
  }

  /** Arith_IntBinaryOpWithOverflowFlags: pure, with {@code overflow<nsw, nuw>} flags. */
  static OpDef withOverflowFlags(String mnemonic, String summary, Trait... traits) {
    return intBinaryOp(mnemonic, summary, traits).traits(PURE)
        .property("overflowFlags", IntegerOverflowFlagsAttr.CONSTRAINT, IntegerOverflowFlagsAttr.NONE)
        .format("$lhs `,` $rhs (`overflow` `` $overflowFlags^)? attr-dict `:` type($result)");
  }

  /** The op defining {@code v} if it is of {@code def}, else null. */
  static Operation defining(Value v, OpDef def) {
    Operation d = v.definingOp();
    return d != null && d.isA(def) ? d : null;
  }

  /** True if {@code v} is {@code xori(x, -1)} (bitwise not of {@code x}). */
  static boolean isNot(Value v, Value x) {
    Operation d = defining(v, XOrIOp.DEF);
    return d != null && d.operand(0) == x && isAllOnes(Folding.constantValue(d.operand(1)));
  }

  private static long nonZero(long b) {
    if (b == 0) throw NO_FOLD;
    return b;
  }

  private static long signedFits(long v, int w, boolean overflow) {
    if (overflow || !fitsSigned(v, w)) throw NO_FOLD;
    return v;
  }

  /** The shift amount {@code b}, read unsigned, if it is below the width; no fold otherwise. */
  private static int shiftAmount(long b, int w) {
    long amount = zext(b, w);
    if (amount < 0 || amount >= w) throw NO_FOLD;
    return (int) amount;
  }

  /** The base of ops with overflow flags. */
  public abstract static class WithOverflowFlags extends BinaryOpView {
    WithOverflowFlags(Operation op, OpDef def) { super(op, def); }

    public final IntegerOverflowFlagsAttr overflowFlags() { return (IntegerOverflowFlagsAttr) op.prop("overflowFlags"); }
  }

  /** {@code arith.addi}: N-bit addition modulo 2^N. */
  public static final class AddIOp extends WithOverflowFlags {
    public static final OpDef DEF = withOverflowFlags("addi", "integer addition operation", COMMUTATIVE)
        .folder(AddIOp::fold)
        .canonicalizer("AddIAddConstant", ArithCanonicalization::addIAddConstant)
        .canonicalizer("AddISubConstantRHS", ArithCanonicalization::addISubConstantRHS)
        .canonicalizer("AddISubConstantLHS", ArithCanonicalization::addISubConstantLHS)
        .canonicalizer("AddIMulNegativeOne", ArithCanonicalization::addIMulNegativeOne);

    public AddIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // addi(x, 0) -> x
      if (isZero(c[1])) return OpFoldResult.of(op.operand(0));
      // addi(subi(a, b), b) -> a
      Operation sub = defining(op.operand(0), SubIOp.DEF);
      if (sub != null && sub.operand(1) == op.operand(1)) return OpFoldResult.of(sub.operand(0));
      // addi(b, subi(a, b)) -> a
      sub = defining(op.operand(1), SubIOp.DEF);
      if (sub != null && sub.operand(1) == op.operand(0)) return OpFoldResult.of(sub.operand(0));
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> a + b));
    }
  }

  /** {@code arith.subi}: N-bit subtraction modulo 2^N. */
  public static final class SubIOp extends WithOverflowFlags {
    public static final OpDef DEF = withOverflowFlags("subi", "Integer subtraction operation.")
        .folder(SubIOp::fold)
        .canonicalizer("SubIRHSAddConstant", ArithCanonicalization::subIRHSAddConstant)
        .canonicalizer("SubILHSAddConstant", ArithCanonicalization::subILHSAddConstant)
        .canonicalizer("SubIRHSSubConstant", ArithCanonicalization::subIRHSSubConstant)
        .canonicalizer("SubILHSSubConstant", ArithCanonicalization::subILHSSubConstant)
        .canonicalizer("SubISubILHSRHSLHS", ArithCanonicalization::subISubILHSRHSLHS);

    public SubIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // subi(x, x) -> 0
      if (op.operand(0) == op.operand(1)) return OpFoldResult.of(intConstant(op.result(0).type(), 0));
      // subi(x, 0) -> x
      if (isZero(c[1])) return OpFoldResult.of(op.operand(0));
      Operation add = defining(op.operand(0), AddIOp.DEF);
      if (add != null) {
        // subi(addi(a, b), b) -> a
        if (op.operand(1) == add.operand(1)) return OpFoldResult.of(add.operand(0));
        // subi(addi(a, b), a) -> b
        if (op.operand(1) == add.operand(0)) return OpFoldResult.of(add.operand(1));
      }
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> a - b));
    }
  }

  /** {@code arith.muli}: N-bit multiplication modulo 2^N. */
  public static final class MulIOp extends WithOverflowFlags {
    public static final OpDef DEF = withOverflowFlags("muli", "Integer multiplication operation.", COMMUTATIVE)
        .folder(MulIOp::fold)
        .canonicalizer("MulIMulIConstant", ArithCanonicalization::mulIMulIConstant)
        .resultNames(MulIOp::nameVscaleProduct);

    public MulIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // muli(x, 0) -> 0
      if (isZero(c[1])) return OpFoldResult.of(op.operand(1));
      // muli(x, 1) -> x
      if (isOne(c[1])) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> a * b));
    }

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
    public static final OpDef DEF = intBinaryOp("divui", "unsigned integer division operation", NO_MEMORY_EFFECT)
        .folder(DivUIOp::fold);

    public DivUIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // divui(x, 1) -> x
      if (isOne(c[1])) return OpFoldResult.of(op.operand(0));
      // No fold when dividing by zero.
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> Long.divideUnsigned(zext(a, w), nonZero(zext(b, w)))));
    }
  }

  /** {@code arith.divsi}: signed division rounding towards zero. */
  public static final class DivSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("divsi", "signed integer division operation", NO_MEMORY_EFFECT)
        .folder(DivSIOp::fold);

    public DivSIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // divsi(x, 1) -> x
      if (isOne(c[1])) return OpFoldResult.of(op.operand(0));
      // No fold on division by zero or signed overflow (MIN / -1).
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> signedFits(a / nonZero(b), w, a == Long.MIN_VALUE && b == -1)));
    }
  }

  /** {@code arith.ceildivui}: unsigned division rounding towards positive infinity. */
  public static final class CeilDivUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("ceildivui", "unsigned ceil integer division operation", NO_MEMORY_EFFECT)
        .folder(CeilDivUIOp::fold);

    public CeilDivUIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // ceildivui(x, 1) -> x
      if (isOne(c[1])) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> {
        long x = zext(a, w), y = nonZero(zext(b, w));
        long q = Long.divideUnsigned(x, y);
        return Long.remainderUnsigned(x, y) == 0 ? q : q + 1;
      }));
    }
  }

  /** {@code arith.ceildivsi}: signed division rounding towards positive infinity. */
  public static final class CeilDivSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("ceildivsi", "signed ceil integer division operation", NO_MEMORY_EFFECT)
        .folder(CeilDivSIOp::fold);

    public CeilDivSIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // ceildivsi(x, 1) -> x
      if (isOne(c[1])) return OpFoldResult.of(op.operand(0));
      // As MLIR: no fold when dividing by zero or when negating MIN would overflow on the way.
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> {
        nonZero(b);
        if (a == 0) return 0;
        boolean negA = a < 0, negB = b < 0;
        if ((negA && a == minSigned(w)) || (negB && b == minSigned(w))) throw NO_FOLD;
        long x = Math.abs(a), y = Math.abs(b);
        if (negA == negB) return (x - 1) / y + 1;
        return -(x / y);
      }));
    }
  }

  /** {@code arith.floordivsi}: signed division rounding towards negative infinity. */
  public static final class FloorDivSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("floordivsi", "signed floor integer division operation", PURE)
        .folder(FloorDivSIOp::fold);

    public FloorDivSIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // floordivsi(x, 1) -> x
      if (isOne(c[1])) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(),
          (a, b, w) -> signedFits(Math.floorDiv(a, nonZero(b)), w, a == Long.MIN_VALUE && b == -1)));
    }
  }

  /** {@code arith.remui}: unsigned remainder. */
  public static final class RemUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("remui", "unsigned integer division remainder operation", PURE)
        .folder(RemUIOp::fold);

    public RemUIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // remui(x, 1) -> 0
      if (isOne(c[1])) return OpFoldResult.of(intConstant(op.result(0).type(), 0));
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> Long.remainderUnsigned(zext(a, w), nonZero(zext(b, w)))));
    }
  }

  /** {@code arith.remsi}: signed remainder, with the sign of the dividend. */
  public static final class RemSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("remsi", "signed integer division remainder operation", PURE)
        .folder(RemSIOp::fold);

    public RemSIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // remsi(x, 1) -> 0
      if (isOne(c[1])) return OpFoldResult.of(intConstant(op.result(0).type(), 0));
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> a % nonZero(b)));
    }
  }

  /** {@code arith.andi}. */
  public static final class AndIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("andi", "integer binary and", PURE, COMMUTATIVE, IDEMPOTENT)
        .folder(AndIOp::fold);

    public AndIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      Value x = op.operand(0), y = op.operand(1);
      // andi(x, 0) -> 0
      if (isZero(c[1])) return OpFoldResult.of(y);
      // andi(x, -1) -> x
      if (isAllOnes(c[1])) return OpFoldResult.of(x);
      // andi(x, xori(x, -1)) -> 0 and andi(xori(x, -1), x) -> 0
      if (isNot(y, x) || isNot(x, y)) return OpFoldResult.of(intConstant(op.result(0).type(), 0));
      // andi(a, andi(a, b)) -> andi(a, b), in either operand order
      for (int i = 0; i < 2; i++) {
        Operation prev = defining(op.operand(i), DEF);
        Value other = op.operand(1 - i);
        if (prev != null && (prev.operand(0) == other || prev.operand(1) == other)) return OpFoldResult.of(prev.result(0));
      }
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> a & b));
    }
  }

  /** {@code arith.ori}. */
  public static final class OrIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("ori", "integer binary or", PURE, COMMUTATIVE, IDEMPOTENT)
        .folder(OrIOp::fold);

    public OrIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      Value x = op.operand(0), y = op.operand(1);
      // ori(x, 0) -> x
      if (isZero(c[1])) return OpFoldResult.of(x);
      // ori(x, -1) -> -1
      if (isAllOnes(c[1])) return OpFoldResult.of(c[1]);
      // ori(x, xori(x, -1)) -> -1 and ori(xori(x, -1), x) -> -1
      if (isNot(y, x)) return OpFoldResult.of(y.definingOp().operand(1));
      if (isNot(x, y)) return OpFoldResult.of(x.definingOp().operand(1));
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> a | b));
    }
  }

  /** {@code arith.xori}. */
  public static final class XOrIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("xori", "integer binary xor", PURE, COMMUTATIVE)
        .folder(XOrIOp::fold);

    public XOrIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      Value x = op.operand(0), y = op.operand(1);
      // xori(x, 0) -> x
      if (isZero(c[1])) return OpFoldResult.of(x);
      // xori(x, x) -> 0
      if (x == y) return OpFoldResult.of(intConstant(op.result(0).type(), 0));
      // xori(xori(x, a), a) -> x and xori(xori(a, x), a) -> x
      Operation prev = defining(x, DEF);
      if (prev != null) {
        if (prev.operand(1) == y) return OpFoldResult.of(prev.operand(0));
        if (prev.operand(0) == y) return OpFoldResult.of(prev.operand(1));
      }
      // xori(a, xori(x, a)) -> x and xori(a, xori(a, x)) -> x
      prev = defining(y, DEF);
      if (prev != null) {
        if (prev.operand(1) == x) return OpFoldResult.of(prev.operand(0));
        if (prev.operand(0) == x) return OpFoldResult.of(prev.operand(1));
      }
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> a ^ b));
    }
  }

  /** {@code arith.shli}: shift left; poison when the amount is at least the bit width. */
  public static final class ShLIOp extends WithOverflowFlags {
    public static final OpDef DEF = withOverflowFlags("shli", "integer left-shift").folder(ShLIOp::fold);

    public ShLIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // shli(x, 0) -> x
      if (isZero(c[1])) return OpFoldResult.of(op.operand(0));
      // No fold when shifting by the bit width or more (poison).
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> a << shiftAmount(b, w)));
    }
  }

  /** {@code arith.shrui}: logical shift right. */
  public static final class ShRUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("shrui", "unsigned integer right-shift", PURE)
        .folder(ShRUIOp::fold);

    public ShRUIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // shrui(x, 0) -> x
      if (isZero(c[1])) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> zext(a, w) >>> shiftAmount(b, w)));
    }
  }

  /** {@code arith.shrsi}: arithmetic shift right. */
  public static final class ShRSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("shrsi", "signed integer right-shift", PURE)
        .folder(ShRSIOp::fold);

    public ShRSIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // shrsi(x, 0) -> x
      if (isZero(c[1])) return OpFoldResult.of(op.operand(0));
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> a >> shiftAmount(b, w)));
    }
  }

  /** {@code arith.maxsi}. */
  public static final class MaxSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("maxsi", "signed integer maximum operation", PURE, COMMUTATIVE)
        .folder(MaxSIOp::fold);

    public MaxSIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // maxsi(x, x) -> x
      if (op.operand(0) == op.operand(1)) return OpFoldResult.of(op.operand(1));
      Long k = splatInt(c[1]);
      if (k != null) {
        int w = intWidth(op.result(0).type());
        // maxsi(x, maxSigned(w)) -> maxSigned(w)
        if (k == maxSigned(w)) return OpFoldResult.of(op.operand(1));
        // maxsi(x, minSigned(w)) -> x
        if (k == minSigned(w)) return OpFoldResult.of(op.operand(0));
      }
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> Math.max(a, b)));
    }
  }

  /** {@code arith.maxui}. */
  public static final class MaxUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("maxui", "unsigned integer maximum operation", PURE, COMMUTATIVE)
        .folder(MaxUIOp::fold);

    public MaxUIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // maxui(x, x) -> x
      if (op.operand(0) == op.operand(1)) return OpFoldResult.of(op.operand(1));
      Long k = splatInt(c[1]);
      if (k != null) {
        int w = intWidth(op.result(0).type());
        // maxui(x, -1) -> -1
        if (k == -1) return OpFoldResult.of(op.operand(1));
        // maxui(x, 0) -> x
        if (k == 0) return OpFoldResult.of(op.operand(0));
      }
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> Long.compareUnsigned(zext(a, w), zext(b, w)) >= 0 ? a : b));
    }
  }

  /** {@code arith.minsi}. */
  public static final class MinSIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("minsi", "signed integer minimum operation", PURE, COMMUTATIVE)
        .folder(MinSIOp::fold);

    public MinSIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // minsi(x, x) -> x
      if (op.operand(0) == op.operand(1)) return OpFoldResult.of(op.operand(1));
      Long k = splatInt(c[1]);
      if (k != null) {
        int w = intWidth(op.result(0).type());
        // minsi(x, minSigned(w)) -> minSigned(w)
        if (k == minSigned(w)) return OpFoldResult.of(op.operand(1));
        // minsi(x, maxSigned(w)) -> x
        if (k == maxSigned(w)) return OpFoldResult.of(op.operand(0));
      }
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> Math.min(a, b)));
    }
  }

  /** {@code arith.minui}. */
  public static final class MinUIOp extends BinaryOpView {
    public static final OpDef DEF = intBinaryOp("minui", "unsigned integer minimum operation", PURE, COMMUTATIVE)
        .folder(MinUIOp::fold);

    public MinUIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // minui(x, x) -> x
      if (op.operand(0) == op.operand(1)) return OpFoldResult.of(op.operand(1));
      Long k = splatInt(c[1]);
      if (k != null) {
        int w = intWidth(op.result(0).type());
        // minui(x, 0) -> 0
        if (k == 0) return OpFoldResult.of(op.operand(1));
        // minui(x, -1) -> x
        if (k == -1) return OpFoldResult.of(op.operand(0));
      }
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> Long.compareUnsigned(zext(a, w), zext(b, w)) <= 0 ? a : b));
    }
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
        .multiFolder(AddUIExtendedOp::fold)
        .resultNames((op, names) -> {
          names[0] = "sum";
          names[1] = "overflow";
        });

    public AddUIExtendedOp(Operation op) { super(op, DEF); }

    static boolean fold(Operation op, Attribute[] c, List<OpFoldResult> results) {
      Type t = op.result(0).type(), bt = op.result(1).type();
      // addui_extended(x, 0) -> x, false
      if (isZero(c[1])) {
        Attribute f = boolConstant(bt, false);
        if (f == null) return false;
        results.add(OpFoldResult.of(op.operand(0)));
        results.add(OpFoldResult.of(f));
        return true;
      }
      // addui_extended(c0, c1) -> c0 + c1, carry
      Attribute sum = intBinary(c[0], c[1], t, (a, b, w) -> a + b);
      Attribute carry = intBinary(c[0], c[1], bt, (a, b, w) -> Long.compareUnsigned(zext(a + b, w), zext(a, w)) < 0 ? -1 : 0);
      if (sum == null || carry == null) return false;
      results.add(OpFoldResult.of(sum));
      results.add(OpFoldResult.of(carry));
      return true;
    }

    public OpResult overflow() { return op.result(1); }
  }

  /** {@code arith.mulsi_extended}: (2N)-bit product of sign-extended operands, as low and high halves. */
  public static final class MulSIExtendedOp extends BinaryOpView {
    public static final OpDef DEF = extendedMul("mulsi_extended", "extended signed integer multiplication operation")
        .multiFolder((op, c, results) -> foldExtendedMul(op, c, results, true));

    public MulSIExtendedOp(Operation op) { super(op, DEF); }

    public OpResult high() { return op.result(1); }
  }

  /** {@code arith.mului_extended}: (2N)-bit product of zero-extended operands, as low and high halves. */
  public static final class MulUIExtendedOp extends BinaryOpView {
    public static final OpDef DEF = extendedMul("mului_extended", "extended unsigned integer multiplication operation")
        .multiFolder((op, c, results) -> foldExtendedMul(op, c, results, false));

    public MulUIExtendedOp(Operation op) { super(op, DEF); }

    public OpResult high() { return op.result(1); }
  }

  static boolean foldExtendedMul(Operation op, Attribute[] c, List<OpFoldResult> results, boolean signed) {
    Type t = op.result(0).type();
    // mul[su]i_extended(x, 0) -> 0, 0
    if (isZero(c[1])) {
      results.add(OpFoldResult.of(op.operand(1)));
      results.add(OpFoldResult.of(op.operand(1)));
      return true;
    }
    // mul[su]i_extended(c0, c1) -> low and high halves of the double-width product
    Attribute low = intBinary(c[0], c[1], t, (a, b, w) -> a * b);
    Attribute high = intBinary(c[0], c[1], t, (a, b, w) -> highHalf(a, b, w, signed));
    if (low == null || high == null) return false;
    results.add(OpFoldResult.of(low));
    results.add(OpFoldResult.of(high));
    return true;
  }

  private static long highHalf(long a, long b, int w, boolean signed) {
    if (w == 64) {
      long h = Math.multiplyHigh(a, b);
      return signed ? h : h + ((a >> 63) & b) + ((b >> 63) & a);
    }
    if (w > 32) throw NO_FOLD;
    long p = signed ? a * b : zext(a, w) * zext(b, w);
    return p >> w;
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
