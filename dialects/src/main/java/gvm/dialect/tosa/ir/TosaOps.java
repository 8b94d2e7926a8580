package gvm.dialect.tosa.ir;

import static gvm.dialect.tosa.ir.TosaConstraints.*;
import static gvm.ir.def.Trait.COMMUTATIVE;
import static gvm.ir.def.Trait.PURE;
import static gvm.ir.def.Trait.SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.tensor.ir.TensorConstraints;
import gvm.ir.def.OpDef;
import gvm.ir.def.OpDef.Aspect;
import gvm.ir.def.Trait;
import gvm.ir.def.TypeConstraint;
import java.util.List;

/**
 * The TOSA ops that MLIR's mesh passes work through, as LLVM 19 defines them. All but {@code
 * tosa.const} use TOSA's one format: {@code tosa.add %a, %b : (tensor<..>, tensor<..>) -> tensor<..>},
 * properties in the attribute dictionary.
 */
public final class TosaOps {
  private TosaOps() {}

  static final String FORMAT = "operands attr-dict `:` functional-type(operands, results)";

  private static OpDef op(String mnemonic, String summary) { return OpDef.named("tosa." + mnemonic).summary(summary).format(FORMAT); }

  /** An elementwise op (Tosa_ElementwiseOp): Pure, results broadcast from the operands. */
  private static OpDef elementwise(String mnemonic, String summary, Trait... traits) {
    return op(mnemonic, summary).traits(PURE).traits(traits).verifier(TosaVerify::resultsBroadcastable);
  }

  /** {@code tosa.<mnemonic> %x}: an elementwise function of one tensor of type {@code t}. */
  private static OpDef unary(String mnemonic, String summary, TypeConstraint t) {
    return elementwise(mnemonic, summary, SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE).operand("input1", t).result("output", t);
  }

  /** {@code tosa.<mnemonic> %x, %y}: an elementwise function of two broadcast tensors of type {@code t}. */
  private static OpDef binary(String mnemonic, String summary, TypeConstraint t, Trait... traits) {
    return elementwise(mnemonic, summary, traits).traits(SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE)
        .operand("input1", t).operand("input2", t).result("output", t);
  }

  /** {@code tosa.<mnemonic> %x, %y}: an elementwise comparison into i1. */
  private static OpDef compare(String mnemonic, String summary, Trait... traits) {
    return elementwise(mnemonic, summary, traits).operand("input1", TENSOR).operand("input2", TENSOR).result("output", I1_TENSOR);
  }

  /** {@code tosa.reduce_<kind> %x {axis = 1 : i32}}: reduces one axis to size 1. */
  private static OpDef reduce(String kind, String summary) {
    return op("reduce_" + kind, summary).operand("input", TENSOR).property("axis", CommonAttrConstraints.I32_ATTR).result("output", TENSOR)
        .traits(PURE).verifier(TosaVerify::reduce);
  }

  public static final List<OpDef> UNARY = List.of(
      unary("abs", "Elementwise abs op", TENSOR), unary("bitwise_not", "Bitwise NOT operator", TENSOR),
      unary("ceil", "Elementwise ceil op", TENSOR), unary("clz", "Elementwise count leading zero op", TENSOR),
      unary("cos", "Elementwise cos op", TENSOR), unary("erf", "Computes gauss error function of input", TENSOR),
      unary("exp", "Elementwise exp op", TENSOR), unary("floor", "Elementwise floor op", TENSOR), unary("log", "Elementwise log op", TENSOR),
      unary("logical_not", "Returns the truth value of NOT x element-wise.", I1_TENSOR),
      unary("negate", "Elementwise negate op", TENSOR), unary("reciprocal", "Elementwise reciprocal op", TENSOR),
      unary("rsqrt", "Elementwise 1/sqrt op", TENSOR), unary("sigmoid", "Computes elementwise sigmoid of input.", TENSOR),
      unary("sin", "Elementwise sin op", TENSOR), unary("tanh", "Computes elementwise hyperbolic tangent of input", TENSOR));

  public static final List<OpDef> BINARY = List.of(
      binary("add", "Elementwise addition operator", TENSOR, COMMUTATIVE),
      binary("arithmetic_right_shift", "Elementwise Arithmetic Right Shift", TENSOR).property("round", BOOL_ATTR),
      binary("bitwise_and", "Bitwise AND operator", TENSOR, COMMUTATIVE), binary("bitwise_or", "Bitwise OR operator", TENSOR, COMMUTATIVE),
      binary("bitwise_xor", "Bitwise XOR operator", TENSOR, COMMUTATIVE), binary("int_div", "Integer divide operator", I32_TENSOR),
      binary("logical_and", "Returns the truth value of x AND y element-wise.", I1_TENSOR, COMMUTATIVE),
      binary("logical_left_shift", "Elementwise Logical Left Shift", TENSOR),
      binary("logical_right_shift", "Elementwise Logical Right Shift", TENSOR),
      binary("logical_or", "Returns the truth value of x OR y element-wise.", I1_TENSOR, COMMUTATIVE),
      binary("logical_xor", "Returns the truth value of x XOR y element-wise.", I1_TENSOR, COMMUTATIVE),
      binary("maximum", "Elementwise Maximum", TENSOR, COMMUTATIVE), binary("minimum", "Elementwise Minimum", TENSOR, COMMUTATIVE),
      binary("mul", "Multiplication operator", TENSOR, COMMUTATIVE).property("shift", I8_ATTR),
      binary("pow", "Computes the power of one value to another.", TENSOR), binary("sub", "Elementwise subtraction operator", TENSOR),
      compare("equal", "Returns the truth value of (x == y) element-wise.", COMMUTATIVE),
      compare("greater", "Returns the truth value of (x > y) element-wise."),
      compare("greater_equal", "Returns the truth value of (x >= y) element-wise."));

  /** {@code tosa.clamp}: clamps to [min, max], integer and float bounds both given. */
  public static final OpDef CLAMP = op("clamp", "Computes clamp(features, min, max).")
      .operand("input", TENSOR).property("min_int", CommonAttrConstraints.I64_ATTR).property("max_int", CommonAttrConstraints.I64_ATTR)
      .property("min_fp", F32_ATTR).property("max_fp", F32_ATTR).result("output", TENSOR)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE).verifier(TosaVerify::resultsBroadcastable);

  /** {@code tosa.select %pred, %a, %b}: elementwise choice. */
  public static final OpDef SELECT = elementwise("select", "Elementwise select operator")
      .operand("pred", I1_TENSOR).operand("on_true", TENSOR).operand("on_false", TENSOR).result("output", TENSOR);

  /** {@code tosa.matmul %a, %b}: batched matrix multiply, [N,H,C] x [N,C,W] -> [N,H,W]. */
  public static final OpDef MATMUL = op("matmul", "Matrix multiplication with bias")
      .operand("a", TENSOR).operand("b", TENSOR).result("c", TENSOR).traits(PURE);

  /** {@code tosa.reshape %x {new_shape = array<i64: ...>}}. */
  public static final OpDef RESHAPE = op("reshape", "Reshape operator")
      .operand("input1", TENSOR).property("new_shape", TensorConstraints.DENSE_I64_ARRAY.withAsm(null)).result("output", TENSOR)
      .traits(PURE).verifier(TosaVerify::reshape);

  /** {@code tosa.transpose %x, %perms}: permutes dimensions by a constant permutation tensor. */
  public static final OpDef TRANSPOSE = op("transpose", "Transpose operator")
      .operand("input1", TENSOR).operand("perms", I32_OR_I64_TENSOR).result("output", TENSOR)
      .traits(PURE).verifier(TosaVerify::transpose);

  public static final List<OpDef> REDUCE = List.of(reduce("all", "Reduce All operator"), reduce("any", "Reduce Any operator"),
      reduce("max", "Reduce Max operator"), reduce("min", "Reduce Min operator"), reduce("prod", "Reduce Prod operator"),
      reduce("sum", "Reduce Sum operator"));

  /** {@code tosa.const}: a constant tensor; LLVM 19 gives it no custom form. */
  public static final OpDef CONST = OpDef.named("tosa.const").summary("Constant op.")
      .property("value", ELEMENTS_ATTR).result("output", TENSOR).traits(PURE, Trait.CONSTANT_LIKE)
      .allMatch(Aspect.SHAPE, "value", "output");
}
