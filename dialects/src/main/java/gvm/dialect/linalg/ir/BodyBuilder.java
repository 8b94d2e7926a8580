package gvm.dialect.linalg.ir;

import gvm.dialect.arith.ir.FastMathFlagsAttr;
import gvm.dialect.arith.ir.IntegerOverflowFlagsAttr;
import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.List;

/**
 * Appends the scalar ops of a named structured op's implicit body to a block, as LLVM 19's
 * generated {@code regionBuilder}s do (its RegionBuilderHelper): arith ops with their default
 * flags, math functions, and {@code cast_signed} conversions between element types.
 */
final class BodyBuilder {
  private final Context ctx;
  private final Location loc;
  private final Block block;

  BodyBuilder(Context ctx, Location loc, Block block) {
    this.ctx = ctx;
    this.loc = loc;
    this.block = block;
  }

  /** Appends {@code name(operands) : type}, with {@code props}; returns its result. */
  Value op(String name, List<Value> operands, Type type, NamedAttribute... props) {
    OperationState st = new OperationState(loc, ctx.opName(name));
    st.operands.addAll(operands);
    st.resultTypes.add(type);
    st.properties.addAll(List.of(props));
    Operation op = Operation.create(st);
    block.append(op);
    return op.result(0);
  }

  /** A float op (with {@code fastmath = none}). */
  Value floatOp(String name, Type type, Value... operands) {
    return op(name, List.of(operands), type, new NamedAttribute("fastmath", FastMathFlagsAttr.NONE));
  }

  /** {@code arith.<floatName>} on floats, {@code arith.<intName>} on integers (with overflow flags when {@code flagged}). */
  Value arith(String floatName, String intName, boolean flagged, Value lhs, Value rhs) {
    Type t = lhs.type();
    if (t instanceof FloatType) return floatOp("arith." + floatName, t, lhs, rhs);
    if (flagged) return op("arith." + intName, List.of(lhs, rhs), t, new NamedAttribute("overflowFlags", IntegerOverflowFlagsAttr.NONE));
    return op("arith." + intName, List.of(lhs, rhs), t);
  }

  Value constant(Attribute value, Type type) { return op("arith.constant", List.of(), type, new NamedAttribute("value", value)); }

  /** {@code v} converted to {@code to} as signed values (RegionBuilderHelper::buildTypeFn with cast_signed). */
  Value castSigned(Value v, Type to) {
    Type from = v.type();
    if (from.equals(to)) return v;
    String name;
    if (from instanceof IntegerType && to instanceof FloatType) name = "arith.sitofp";
    else if (from instanceof FloatType && to instanceof IntegerType) name = "arith.fptosi";
    else if (from instanceof FloatType f && to instanceof FloatType g) name = f.width() < g.width() ? "arith.extf" : "arith.truncf";
    else if (from instanceof IntegerType i && to instanceof IntegerType j) name = i.width() < j.width() ? "arith.extsi" : "arith.trunci";
    else return v;
    return op(name, List.of(v), to);
  }

  void yield(List<Value> values) {
    OperationState st = new OperationState(loc, ctx.opName(YieldOp.DEF.name()));
    st.operands.addAll(values);
    block.append(Operation.create(st));
  }
}
