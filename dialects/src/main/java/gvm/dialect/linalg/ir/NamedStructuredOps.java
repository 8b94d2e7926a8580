package gvm.dialect.linalg.ir;

import static gvm.ir.def.Trait.ATTR_SIZED_OPERAND_SEGMENTS;
import static gvm.ir.def.Trait.SINGLE_BLOCK;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.affine.AffineExpr;
import gvm.ir.affine.AffineMap;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.attributes.AffineMapAttr;
import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LLVM 19's named structured ops (generated from its YAML op definitions): {@code linalg.matmul
 * ins(%a, %b : ...) outs(%c : ...) -> ...}. Their body is implicit in the custom form; parsing
 * builds it as LLVM's region builders do, so the generic form shows it.
 */
public final class NamedStructuredOps {
  private NamedStructuredOps() {}

  /** Builds a named op's body from its block arguments (inputs, then outputs). */
  @FunctionalInterface interface Body { void build(BodyBuilder b, List<Value> args); }

  static final TypeConstraint ANY_SHAPED = TypeConstraint.of("shaped of any type values", t -> t instanceof ShapedType);

  static final TypeConstraint ANY_RANKED_TENSOR = TypeConstraint.of("ranked tensor of any type values", t -> t instanceof RankedTensorType);

  /** The attribute where MLIR memoizes the static indexing maps of the matmul family. */
  static final String MEMOIZED_MAPS = "linalg.memoized_indexing_maps";

  /** Each named op's implicit body builder, by op name (for {@link #create}). */
  private static final java.util.Map<String, Body> BODIES = new java.util.HashMap<>();

  private static final Set<String> ELIDED = Set.of("operandSegmentSizes", MEMOIZED_MAPS);

  /** A named op whose body takes {@code numArgs} block arguments (one per operand). */
  private static OpDef named(String mnemonic, String summary, int numArgs, Body body) {
    BODIES.put("linalg." + mnemonic, body);
    return OpDef.named("linalg." + mnemonic).summary(summary)
        .variadicOperand("inputs", CommonTypeConstraints.ANY_TYPE).variadicOperand("outputs", ANY_SHAPED)
        .variadicResult("result_tensors", ANY_RANKED_TENSOR).region("region")
        .traits(ATTR_SIZED_OPERAND_SEGMENTS, SINGLE_BLOCK)
        .customAssembly(new OpDef.CustomAssembly() {
          @Override public void parse(OpAsmParser p, OperationState st) { parseNamed(p, st, numArgs, body); }

          @Override public void print(Operation op, AsmPrinter p) { printNamed(op, p); }
        });
  }

  /** A named op whose indexing maps are fixed ({@code maps}, over {@code dims} loops), memoized as MLIR does when it verifies. */
  private static OpDef withMaps(OpDef def, int dims, int[]... maps) {
    List<Attribute> l = new ArrayList<>();
    for (int[] m : maps) {
      List<AffineExpr> exprs = new ArrayList<>();
      for (int d : m) exprs.add(new AffineExpr.Dim(d));
      l.add(new AffineMapAttr(new AffineMap(dims, 0, exprs)));
    }
    ArrayAttr attr = new ArrayAttr(l);
    List<AffineMap> affineMaps = new ArrayList<>();
    for (Attribute a : l) affineMaps.add(((AffineMapAttr) a).map());
    // MLIR memoizes the maps in an attribute the first time it asks for them, which its verifier does.
    return def.verifier(op -> {
      if (op.attr(MEMOIZED_MAPS) == null) op.setAttr(MEMOIZED_MAPS, attr);
      LinalgVerify.structured(op, affineMaps, dims);
    });
  }

  // matmul: C += cast(A) * cast(B), in C's element type.
  private static final Body MATMUL_BODY = (b, args) -> {
    Type t = args.get(2).type();
    Value mul = b.arith("mulf", "muli", true, b.castSigned(args.get(0), t), b.castSigned(args.get(1), t));
    b.yield(List.of(b.arith("addf", "addi", true, args.get(2), mul)));
  };

  // fill and copy: out = cast(in).
  private static final Body CAST_BODY = (b, args) -> b.yield(List.of(b.castSigned(args.get(0), args.get(args.size() - 1).type())));

  public static final OpDef MATMUL = withMaps(named("matmul",
      "Performs a matrix multiplication of two 2D inputs without broadcast or transpose.", 3, MATMUL_BODY), 3,
      new int[] {0, 2}, new int[] {2, 1}, new int[] {0, 1});

  public static final OpDef MATMUL_TRANSPOSE_B = withMaps(named("matmul_transpose_b",
      "Performs a matrix multiplication of two 2D inputs with rhs operand transposed.", 3, MATMUL_BODY), 3,
      new int[] {0, 2}, new int[] {1, 2}, new int[] {0, 1});

  public static final OpDef BATCH_MATMUL = withMaps(named("batch_matmul",
      "Performs a batched matrix multiplication of two 3D inputs.", 3, MATMUL_BODY), 4,
      new int[] {0, 1, 3}, new int[] {0, 3, 2}, new int[] {0, 1, 2});

  public static final OpDef FILL = elementwise("fill", "Fills the output tensor with the given value.", 2, CAST_BODY);

  public static final OpDef COPY = elementwise("copy", "Copies the tensor elementwise.", 2, CAST_BODY);

  /** A rank-polymorphic named op: identity indexing maps over the output's rank. */
  private static OpDef elementwise(String mnemonic, String summary, int numArgs, Body body) {
    return named(mnemonic, summary, numArgs, body).verifier(LinalgVerify::elementwise);
  }

  private static OpDef unary(String mnemonic, String summary, Body body) { return elementwise(mnemonic, summary, 2, body); }

  /** {@code math.<fn>} of the input. */
  private static OpDef math(String mnemonic, String fn, String summary) {
    return unary(mnemonic, summary, (b, args) -> b.yield(List.of(b.floatOp("math." + fn, args.get(0).type(), args.get(0)))));
  }

  private static OpDef binary(String mnemonic, String summary, String floatOp, String intOp, boolean flagged) {
    return elementwise(mnemonic, summary, 3, (b, args) -> b.yield(List.of(b.arith(floatOp, intOp, flagged, args.get(0), args.get(1)))));
  }

  public static final List<OpDef> ELEMENTWISE = List.of(
      // LLVM 19 builds math.absf for integers too, which then fails to verify.
      math("abs", "absf", "Applies abs(x) elementwise."),
      math("ceil", "ceil", "Applies ceil(x) elementwise."), math("erf", "erf", "Applies erf(x) elementwise."),
      math("exp", "exp", "Applies exp(x) elementwise."), math("floor", "floor", "Applies floor(x) elementwise."),
      math("log", "log", "Applies log(x) elementwise."),
      unary("negf", "Applies negf(x) elementwise.", (b, args) -> b.yield(List.of(b.floatOp("arith.negf", args.get(0).type(), args.get(0))))),
      unary("reciprocal", "Applies reciprocal(x) elementwise.", (b, args) -> {
        Value x = args.get(0);
        Type t = x.type();
        Attribute one = t instanceof FloatType f ? FloatAttr.of(f, 1.0) : IntegerAttr.of((IntegerType) t, 1);
        b.yield(List.of(b.arith("divf", "divsi", false, b.constant(one, t), x)));
      }),
      math("round", "round", "Applies round(x) elementwise."), math("rsqrt", "rsqrt", "Applies rsqrt(x) elementwise."),
      math("sqrt", "sqrt", "Applies sqrt(x) elementwise."),
      unary("square", "Applies square(x) elementwise.", (b, args) -> b.yield(List.of(b.arith("mulf", "muli", true, args.get(0), args.get(0))))),
      math("tanh", "tanh", "Applies tanh(x) elementwise."),
      binary("add", "Adds two tensors elementwise.", "addf", "addi", true),
      binary("sub", "Subtracts two tensors elementwise.", "subf", "subi", true),
      binary("mul", "Multiplies two tensors elementwise.", "mulf", "muli", true),
      binary("div", "Divides the first tensor by the second tensor, elementwise.", "divf", "divsi", false),
      binary("div_unsigned", "Divides the first tensor by the second tensor, elementwise. For integer types, performs an unsigned division.",
          "divui", "divui", false),
      binary("max", "Takes the max (signed) between two inputs, elementwise.", "maximumf", "maxsi", false),
      binary("min", "Takes the min (signed) between two inputs, elementwise.", "minimumf", "minsi", false),
      elementwise("powf", "Takes the powf(lhs, rhs) between two inputs, elementwise. For powf(arg, 2) use `linalg.square`.", 3,
          (b, args) -> b.yield(List.of(b.floatOp("math.powf", args.get(0).type(), args.get(0), args.get(1))))));

  /** Every named structured op gvm defines. */
  public static List<OpDef> all() {
    List<OpDef> l = new ArrayList<>(List.of(MATMUL, MATMUL_TRANSPOSE_B, BATCH_MATMUL, FILL, COPY));
    l.addAll(ELEMENTWISE);
    return l;
  }

  /**
   * Builds the named op {@code def} on tensors (as its ODS builder with the implicit region): results
   * of the outputs' types, the body without locations. The op is not inserted anywhere.
   */
  public static Operation create(gvm.ir.Context ctx, OpDef def, gvm.ir.attributes.Location loc, List<Value> ins, List<Value> outs) {
    OperationState st = new OperationState(loc, ctx.opName(def.name()));
    st.operands.addAll(ins);
    st.operands.addAll(outs);
    st.properties.add(new NamedAttribute("operandSegmentSizes", StructuredAsm.i32Segments(ins.size(), outs.size())));
    for (Value v : outs) if (v.type() instanceof RankedTensorType) st.resultTypes.add(v.type());
    List<Value> all = new ArrayList<>(ins);
    all.addAll(outs);
    Block block = StructuredAsm.blockFor(all, gvm.ir.attributes.Location.UNKNOWN);
    Region region = OperationState.newDetachedRegion();
    region.addBlock(block);
    BODIES.get(def.name()).build(new BodyBuilder(ctx, gvm.ir.attributes.Location.UNKNOWN, block), new ArrayList<>(block.arguments()));
    st.addRegion(region);
    return Operation.create(st);
  }

  /** parseNamedStructuredOp: {@code [{attrs}] ins(...) outs(...) [-> types]}, then the implicit body. */
  private static void parseNamed(OpAsmParser p, OperationState st, int numArgs, Body body) {
    StructuredAsm.addAttributes(st, st.name.def(), p.parseOptionalAttrDict());
    StructuredAsm.InsOuts io = StructuredAsm.parseInsOuts(p, st);
    st.properties.add(new NamedAttribute("operandSegmentSizes", StructuredAsm.i32Segments(io.ins().size(), io.outs().size())));
    st.resultTypes.addAll(p.parseOptionalArrowTypeList());
    List<Value> all = new ArrayList<>(io.ins());
    all.addAll(io.outs());
    if (all.size() != numArgs)
      throw p.error(p.offset(), "[parseNamedStructuredOpRegion] ods-gen generated region expects " + numArgs + " args, got " + all.size());
    // LLVM's region builders leave the body's arguments and ops without a location.
    Block block = StructuredAsm.blockFor(all, gvm.ir.attributes.Location.UNKNOWN);
    Region region = OperationState.newDetachedRegion();
    region.addBlock(block);
    body.build(new BodyBuilder(p.context(), gvm.ir.attributes.Location.UNKNOWN, block), new ArrayList<>(block.arguments()));
    st.addRegion(region);
  }

  private static void printNamed(Operation op, AsmPrinter p) {
    p.printOptionalAttrDict(op.attributes().entries(), ELIDED);
    int[] seg = segments(op);
    List<Value> operands = op.operands();
    StructuredAsm.printInsOuts(p, operands.subList(0, seg[0]), operands.subList(seg[0], seg[0] + seg[1]));
    p.printOptionalArrowTypeList(op.resultTypes());
  }

  /** The sizes of the inputs and outputs groups. */
  static int[] segments(Operation op) {
    gvm.ir.attributes.DenseArrayAttr d = (gvm.ir.attributes.DenseArrayAttr) op.prop("operandSegmentSizes");
    return new int[] {(int) d.get(0), (int) d.get(1)};
  }
}
