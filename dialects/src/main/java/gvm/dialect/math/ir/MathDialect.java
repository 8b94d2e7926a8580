package gvm.dialect.math.ir;

import static gvm.ir.def.Trait.ELEMENTWISE;
import static gvm.ir.def.Trait.PURE;
import static gvm.ir.def.Trait.SAME_OPERANDS_AND_RESULT_TYPE;

import gvm.dialect.arith.ir.FastMathFlagsAttr;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import java.util.List;

/**
 * The {@code math} dialect (LLVM 19), in the subset the bodies of linalg's named elementwise ops
 * use: floating-point functions with fast-math flags, and integer {@code absi}.
 */
public final class MathDialect extends Dialect {
  public MathDialect() { super("math"); }

  private static final String UNARY_FORMAT = "$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($result)";

  /** {@code math.<mnemonic> %x : f32}: an elementwise floating-point function. */
  private static OpDef unaryFloat(String mnemonic, String summary) {
    return OpDef.named("math." + mnemonic).summary(summary)
        .operand("operand", CommonTypeConstraints.FLOAT_LIKE).property("fastmath", FastMathFlagsAttr.CONSTRAINT, FastMathFlagsAttr.NONE)
        .result("result", CommonTypeConstraints.FLOAT_LIKE).traits(PURE, SAME_OPERANDS_AND_RESULT_TYPE, ELEMENTWISE).format(UNARY_FORMAT).implement(OpPatternKind.Interface.class, OpPatternKind.ELEMENTWISE.model());
  }

  public static final List<OpDef> UNARY_FLOAT = List.of(
      unaryFloat("absf", "floating point absolute-value operation"), unaryFloat("ceil", "ceiling of the specified value"),
      unaryFloat("erf", "error function of the specified value"), unaryFloat("exp", "base-e exponential of the specified value"),
      unaryFloat("floor", "floor of the specified value"), unaryFloat("log", "base-e logarithm of the specified value"),
      unaryFloat("round", "round of the specified value"), unaryFloat("rsqrt", "reciprocal of sqrt (1 / sqrt of the specified value)"),
      unaryFloat("sqrt", "sqrt of the specified value"), unaryFloat("tanh", "hyperbolic tangent of the specified value"));

  /** {@code math.absi %x : i32}. */
  public static final OpDef ABSI = OpDef.named("math.absi").summary("integer absolute-value operation")
      .operand("operand", CommonTypeConstraints.SIGNLESS_INTEGER_OR_INDEX_LIKE).result("result", CommonTypeConstraints.SIGNLESS_INTEGER_OR_INDEX_LIKE)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_TYPE, ELEMENTWISE).format("$operand attr-dict `:` type($result)");

  /** {@code math.powf %x, %y : f32}. */
  public static final OpDef POWF = OpDef.named("math.powf").summary("floating point raised to the power of operation")
      .operand("lhs", CommonTypeConstraints.FLOAT_LIKE).operand("rhs", CommonTypeConstraints.FLOAT_LIKE)
      .property("fastmath", FastMathFlagsAttr.CONSTRAINT, FastMathFlagsAttr.NONE).result("result", CommonTypeConstraints.FLOAT_LIKE)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_TYPE, ELEMENTWISE)
      .format("$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)");

  @Override public List<OpDef> ops() {
    List<OpDef> ops = new java.util.ArrayList<>(UNARY_FLOAT);
    ops.add(ABSI);
    ops.add(POWF);
    return ops;
  }

  @Override public List<String> dependentDialects() { return List.of("arith"); }
}
