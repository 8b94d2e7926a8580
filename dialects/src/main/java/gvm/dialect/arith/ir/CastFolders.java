package gvm.dialect.arith.ir;

import static gvm.dialect.arith.ir.ConstFold.*;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.apfloat.APFloat;
import gvm.ir.apfloat.FloatSemantics;
import gvm.ir.attributes.Attribute;
import gvm.ir.rewrite.OpFoldResult;
import gvm.ir.types.FloatType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;

/** The folders of arith's casts (ArithOps.cpp's cast folds), declared on each cast's definition in {@link CastOps}. */
final class CastFolders {
  private CastFolders() {}

  private static Operation definer(Value v, gvm.ir.def.OpDef def) {
    Operation d = v.definingOp();
    return d != null && d.isA(def) ? d : null;
  }

  private static Type elem(Type t) { return t instanceof ShapedType s ? s.elementType() : t; }

  static OpFoldResult extUI(Operation op, Attribute[] c) {
    // extui(extui(x)) -> extui(x), in place
    Operation inner = definer(op.operand(0), CastOps.ExtUIOp.DEF);
    if (inner != null) {
      op.setOperand(0, inner.operand(0));
      return OpFoldResult.of(op.result(0));
    }
    int ws = intWidth(op.operand(0).type()), wd = intWidth(op.result(0).type());
    return c[0] == null || ws < 0 || wd < 0 ? null : OpFoldResult.of(cast(c[0], op.result(0).type(), a -> norm(zext(a, ws), wd)));
  }

  static OpFoldResult extSI(Operation op, Attribute[] c) {
    // extsi(extsi(x)) -> extsi(x), in place
    Operation inner = definer(op.operand(0), CastOps.ExtSIOp.DEF);
    if (inner != null) {
      op.setOperand(0, inner.operand(0));
      return OpFoldResult.of(op.result(0));
    }
    int wd = intWidth(op.result(0).type());
    return c[0] == null || wd < 0 ? null : OpFoldResult.of(cast(c[0], op.result(0).type(), a -> norm(a, wd)));
  }

  static OpFoldResult truncI(Operation op, Attribute[] c) {
    Operation inner = op.operand(0).definingOp();
    if (inner != null && (inner.isA(CastOps.ExtUIOp.DEF) || inner.isA(CastOps.ExtSIOp.DEF))) {
      Value src = inner.operand(0);
      int ws = intWidth(src.type()), wd = intWidth(op.result(0).type());
      // trunci(ext[su]i(x)) -> trunci(x) when x is wider than the result, in place
      if (ws > wd) {
        op.setOperand(0, src);
        return OpFoldResult.of(op.result(0));
      }
      // trunci(ext[su]i(x)) -> x when x has the result type
      if (src.type().equals(op.result(0).type())) return OpFoldResult.of(src);
    }
    // trunci(trunci(x)) -> trunci(x), in place
    if (inner != null && inner.isA(CastOps.TruncIOp.DEF)) {
      op.setOperand(0, inner.operand(0));
      return OpFoldResult.of(op.result(0));
    }
    int wd = intWidth(op.result(0).type());
    return c[0] == null || wd < 0 ? null : OpFoldResult.of(cast(c[0], op.result(0).type(), a -> norm(a, wd)));
  }

  static OpFoldResult extF(Operation op, Attribute[] c) {
    // extf(c) -> c widened exactly
    FloatSemantics from = floatSem(op.operand(0).type()), to = floatSem(op.result(0).type());
    if (c[0] == null || from == null || to == null) return null;
    return OpFoldResult.of(cast(c[0], op.result(0).type(), bits -> APFloat.convert(bits, from, to)));
  }

  static OpFoldResult truncF(Operation op, Attribute[] c) {
    // truncf(c) -> c rounded to nearest even, unless it overflows (MLIR refuses opOverflow)
    FloatSemantics from = floatSem(op.operand(0).type()), to = floatSem(op.result(0).type());
    ArithEnums.RoundingMode mode = ArithEnums.RoundingMode.of(op.prop("roundingmode"));
    if (c[0] == null || from == null || to == null || (mode != null && mode != ArithEnums.RoundingMode.TO_NEAREST_EVEN)) return null;
    return OpFoldResult.of(cast(c[0], op.result(0).type(), bits -> {
      long r = APFloat.convert(bits, from, to);
      if (APFloat.isInf(r, to) && !APFloat.isInf(bits, from)) throw NO_FOLD;
      return r;
    }));
  }

  static OpFoldResult siToFP(Operation op, Attribute[] c) { return intToFP(op, c, true); }

  static OpFoldResult uiToFP(Operation op, Attribute[] c) { return intToFP(op, c, false); }

  // [su]itofp(c) -> c rounded to nearest even
  private static OpFoldResult intToFP(Operation op, Attribute[] c, boolean signed) {
    int ws = intWidth(op.operand(0).type());
    FloatSemantics to = floatSem(op.result(0).type());
    if (c[0] == null || ws < 0 || to == null) return null;
    return OpFoldResult.of(cast(c[0], op.result(0).type(), a -> {
      long v = signed ? a : zext(a, ws);
      if (!signed && ws == 64 && v < 0) throw NO_FOLD;
      if (to == FloatSemantics.F64) return APFloat.fromDouble((double) v, to);
      if (to == FloatSemantics.F32) return APFloat.fromDouble((double) (float) v, to);
      if (Math.abs(v) >= (1L << 53)) throw NO_FOLD; // would round twice
      return APFloat.fromDouble((double) v, to);
    }));
  }

  static OpFoldResult fpToSI(Operation op, Attribute[] c) { return fpToInt(op, c, true); }

  static OpFoldResult fpToUI(Operation op, Attribute[] c) { return fpToInt(op, c, false); }

  // fpto[su]i(c) -> c rounded toward zero, unless it is NaN or out of range
  private static OpFoldResult fpToInt(Operation op, Attribute[] c, boolean signed) {
    FloatSemantics from = floatSem(op.operand(0).type());
    int wd = intWidth(op.result(0).type());
    if (c[0] == null || from == null || wd < 0) return null;
    return OpFoldResult.of(cast(c[0], op.result(0).type(), bits -> {
      double d = APFloat.toDouble(bits, from);
      if (Double.isNaN(d) || Double.isInfinite(d)) throw NO_FOLD;
      double t = d < 0 ? Math.ceil(d) : Math.floor(d);
      double lo = signed ? -Math.pow(2, wd - 1) : 0, hi = signed ? Math.pow(2, wd - 1) : Math.pow(2, wd);
      if (t < lo || t >= hi) throw NO_FOLD;
      long v = t >= 0x1p63 ? (long) (t - 0x1p63) + Long.MIN_VALUE : (long) t;
      return norm(v, wd);
    }));
  }

  static OpFoldResult indexCast(Operation op, Attribute[] c) {
    // index_cast(index_cast(x)) -> x when x has the result type
    Operation inner = definer(op.operand(0), CastOps.IndexCastOp.DEF);
    if (inner != null && inner.operand(0).type().equals(op.result(0).type())) return OpFoldResult.of(inner.operand(0));
    // index_cast(c) -> c sign-extended or truncated
    int wd = intWidth(op.result(0).type());
    return c[0] == null ? null : OpFoldResult.of(cast(c[0], op.result(0).type(), a -> norm(a, wd)));
  }

  static OpFoldResult indexCastUI(Operation op, Attribute[] c) {
    // index_castui(index_castui(x)) -> x when x has the result type
    Operation inner = definer(op.operand(0), CastOps.IndexCastUIOp.DEF);
    if (inner != null && inner.operand(0).type().equals(op.result(0).type())) return OpFoldResult.of(inner.operand(0));
    // index_castui(c) -> c zero-extended or truncated
    int ws = intWidth(op.operand(0).type()), wd = intWidth(op.result(0).type());
    return c[0] == null ? null : OpFoldResult.of(cast(c[0], op.result(0).type(), a -> norm(zext(a, ws), wd)));
  }

  static OpFoldResult bitcast(Operation op, Attribute[] c) {
    // bitcast(bitcast(x)) -> x when x has the result type
    Operation inner = definer(op.operand(0), CastOps.BitcastOp.DEF);
    if (inner != null && inner.operand(0).type().equals(op.result(0).type())) return OpFoldResult.of(inner.operand(0));
    if (c[0] == null) return null;
    Type from = elem(op.operand(0).type()), to = elem(op.result(0).type());
    int w = from instanceof FloatType ft ? ft.width() : intWidth(from);
    if (w <= 0 || w > 64) return null;
    // bitcast(c) -> the same bits read as the result type
    return OpFoldResult.of(cast(c[0], op.result(0).type(), bits -> {
      long raw = from instanceof FloatType ? bits : zext(bits, w);
      return to instanceof FloatType ? raw : norm(raw, w);
    }));
  }
}
