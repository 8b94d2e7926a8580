package gvm.ir.format;

import static org.junit.jupiter.api.Assertions.*;

import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.asm.ParseException;
import gvm.ir.attributes.*;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.print.PrintOptions;
import gvm.ir.types.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prints and parses ops of real MLIR dialects through their LLVM 19 formats. Expected text is
 * mlir-opt 19's output for the same ops (SSA names aside: these test defs name no results).
 */
class FormatProgramTest {
  private static final Type I32 = IntegerType.I32;
  private static final Type T4X8 = RankedTensorType.get(FloatType.F32, 4, 8);

  /** An unregistered op holding one block with the given arguments, to print ops in. */
  private static final class Fixture {
    final Context ctx = FormatTestOps.context();
    final Operation wrap;
    final Block block = new Block();

    Fixture(Type... args) {
      OperationState st = new OperationState(Location.UNKNOWN, ctx.opName("test.wrap"));
      st.addRegion();
      wrap = Operation.create(st);
      wrap.region(0).addBlock(block);
      for (Type t : args) block.addArgument(t, Location.UNKNOWN);
    }

    Value arg(int i) { return block.argument(i); }

    Operation add(OpDef def, List<Value> operands, List<Type> results, Object... props) {
      OperationState st = new OperationState(Location.UNKNOWN, ctx.opName(def.name()));
      st.operands.addAll(operands);
      st.resultTypes.addAll(results);
      for (int i = 0; i < props.length; i += 2) st.addProperty((String) props[i], (Attribute) props[i + 1]);
      Operation op = Operation.create(st);
      block.append(op);
      return op;
    }

    /** Parses ops (one custom form after another) into the block, with %argN bound. */
    List<Operation> parse(String text) {
      FakeParser p = new FakeParser(ctx, text);
      for (int i = 0; i < block.numArguments(); i++) p.define("arg" + i, block.argument(i));
      List<Operation> ops = new ArrayList<>();
      while (!p.atEnd()) {
        Operation op = p.parseOp();
        block.append(op);
        ops.add(op);
      }
      for (String b : List.of("bb1", "bb2")) {
        Block blk = p.block(b);
        if (blk.parent() == null) wrap.region(0).addBlock(blk);
      }
      return ops;
    }

    /** The block's ops as printed, one per line (nested regions included), without indentation. */
    String body() {
      String all = AsmPrinter.printOp(ctx, wrap, PrintOptions.DEFAULT);
      StringBuilder sb = new StringBuilder();
      for (String line : all.split("\n")) {
        String t = line.strip();
        if (t.startsWith("\"test.wrap\"") || t.startsWith("^") || t.startsWith("})")) continue;
        sb.append(t).append('\n');
      }
      return sb.toString();
    }
  }

  private static FormatTestOps.EnumAttr e(String d, String m, String body) { return new FormatTestOps.EnumAttr(d, m, body); }

  private static Fixture roundTrip(String text, Type... args) {
    Fixture f = new Fixture(args);
    f.parse(text);
    assertEquals(text.strip() + "\n", f.body());
    return f;
  }

  // ---------------------------------------------------------------- printing ops built by hand

  @Test
  void printsArithWithOptionalGroupsAndDefaults() {
    Fixture f = new Fixture(I32, I32, FloatType.F32);
    f.add(FormatTestOps.ADDI, List.of(f.arg(0), f.arg(1)), List.of(I32), "overflowFlags", e("arith", "overflow", "nsw"));
    f.add(FormatTestOps.ADDI, List.of(f.arg(0), f.arg(1)), List.of(I32));
    Operation withAttr = f.add(FormatTestOps.ADDI, List.of(f.arg(0), f.arg(1)), List.of(I32));
    withAttr.setAttr("foo", UnitAttr.INSTANCE);
    f.add(FormatTestOps.CMPI, List.of(f.arg(0), f.arg(1)), List.of(IntegerType.I1), "predicate", IntegerAttr.i64(5));
    f.add(FormatTestOps.ADDF, List.of(f.arg(2), f.arg(2)), List.of(FloatType.F32), "fastmath", e("arith", "fastmath", "fast"));
    f.add(FormatTestOps.CONSTANT, List.of(), List.of(I32), "value", IntegerAttr.i32(42));
    f.add(FormatTestOps.CONSTANT, List.of(), List.of(IntegerType.I1), "value", IntegerAttr.bool(true));
    assertEquals("""
        %0 = arith.addi %arg0, %arg1 overflow<nsw> : i32
        %1 = arith.addi %arg0, %arg1 : i32
        %2 = arith.addi %arg0, %arg1 {foo} : i32
        %3 = arith.cmpi sge, %arg0, %arg1 : i32
        %4 = arith.addf %arg2, %arg2 fastmath<fast> : f32
        %5 = arith.constant 42 : i32
        %6 = arith.constant true
        """, f.body());
  }

  @Test
  void printsCallsBranchesAndTerminators() {
    Fixture f = new Fixture(I32, I32, IntegerType.I1);
    f.add(FormatTestOps.CALL, List.of(f.arg(0), f.arg(1)), List.of(I32), "callee", SymbolRefAttr.flat("g"));
    f.add(FormatTestOps.CALL, List.of(), List.of(), "callee", SymbolRefAttr.flat("h"));
    f.add(FormatTestOps.YIELD, List.of(f.arg(0), f.arg(1)), List.of());
    f.add(FormatTestOps.YIELD, List.of(), List.of());
    Block b1 = new Block(), b2 = new Block();
    f.wrap.region(0).addBlock(b1);
    f.wrap.region(0).addBlock(b2);
    OperationState st = new OperationState(Location.UNKNOWN, f.ctx.opName("cf.cond_br"));
    st.operands.addAll(List.of(f.arg(2), f.arg(0)));
    st.successors.addAll(List.of(b1, b2));
    st.addProperty("operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {1, 1, 0}));
    f.block.append(Operation.create(st));
    assertEquals("""
        %0 = func.call @g(%arg0, %arg1) : (i32, i32) -> i32
        func.call @h() : () -> ()
        scf.yield %arg0, %arg1 : i32, i32
        scf.yield
        cf.cond_br %arg2, ^bb1(%arg0 : i32), ^bb2
        """, f.body());
  }

  @Test
  void printsDynamicIndexList() {
    Type src = RankedTensorType.get(FloatType.F32, ShapedType.DYNAMIC, 4);
    Fixture f = new Fixture(src, IndexType.INSTANCE);
    long dyn = ShapedType.DYNAMIC;
    f.add(FormatTestOps.EXTRACT_SLICE, List.of(f.arg(0), f.arg(1), f.arg(1)), List.of(RankedTensorType.get(FloatType.F32, 2, dyn)),
        "operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {1, 1, 1, 0}),
        "static_offsets", new DenseArrayAttr(IntegerType.I64, new long[] {dyn, 0}),
        "static_sizes", new DenseArrayAttr(IntegerType.I64, new long[] {2, dyn}),
        "static_strides", new DenseArrayAttr(IntegerType.I64, new long[] {1, 1}));
    assertEquals("%0 = tensor.extract_slice %arg0[%arg1, 0] [2, %arg1] [1, 1] : tensor<?x4xf32> to tensor<2x?xf32>\n", f.body());
  }

  @Test
  void printsMeshOpsWithStrippedAndDefaultValuedAttributes() {
    Fixture f = new Fixture(T4X8);
    DenseArrayAttr axes0 = new DenseArrayAttr(IntegerType.I16, new long[] {0});
    f.add(FormatTestOps.ALL_REDUCE, List.of(f.arg(0)), List.of(T4X8), "mesh", SymbolRefAttr.flat("mesh0"), "mesh_axes", axes0, "reduction",
        e("mesh", "partial", "max"));
    f.add(FormatTestOps.ALL_REDUCE, List.of(f.arg(0)), List.of(T4X8), "mesh", SymbolRefAttr.flat("mesh0"));
    f.add(FormatTestOps.ALL_GATHER, List.of(f.arg(0)), List.of(RankedTensorType.get(FloatType.F32, 8, 8)), "mesh", SymbolRefAttr.flat("mesh0"),
        "mesh_axes", axes0, "gather_axis", IntegerAttr.index(0));
    f.add(FormatTestOps.SHARD_OP, List.of(f.arg(0)), List.of(T4X8), "shard", e("mesh", "shard", "@mesh0, [[0]]"), "annotate_for_users",
        UnitAttr.INSTANCE);
    f.add(FormatTestOps.MESH, List.of(), List.of(), "sym_name", StringAttr.of("mesh0"), "shape",
        new DenseArrayAttr(IntegerType.I64, new long[] {2, ShapedType.DYNAMIC}));
    assertEquals("""
        %0 = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [0] reduction = <max> : tensor<4x8xf32> -> tensor<4x8xf32>
        %1 = mesh.all_reduce %arg0 on @mesh0 : tensor<4x8xf32> -> tensor<4x8xf32>
        %2 = mesh.all_gather %arg0 on @mesh0 mesh_axes = [0] gather_axis = 0 : tensor<4x8xf32> -> tensor<8x8xf32>
        %3 = mesh.shard %arg0 to <@mesh0, [[0]]> annotate_for_users : tensor<4x8xf32>
        mesh.mesh @mesh0(shape = 2x?)
        """, f.body());
  }

  @Test
  void opsWithoutFormatOrMalformedOpsPrintGenerically() {
    Fixture f = new Fixture(I32);
    f.add(FormatTestOps.NOFORMAT, List.of(f.arg(0)), List.of());
    f.add(FormatTestOps.CMPI, List.of(f.arg(0), f.arg(0)), List.of(IntegerType.I1));
    f.add(FormatTestOps.ADDI, List.of(f.arg(0)), List.of(I32));
    assertEquals("""
        "test.noformat"(%arg0) : (i32) -> ()
        %0 = "arith.cmpi"(%arg0, %arg0) : (i32, i32) -> i1
        %1 = "arith.addi"(%arg0) <{overflowFlags = #arith.overflow<none>}> : (i32) -> i32
        """, f.body());
  }

  // ---------------------------------------------------------------- round trips of mlir-opt output

  @Test
  void roundTripsArithFuncAndCf() {
    Fixture f = roundTrip("""
        %0 = arith.addi %arg0, %arg1 overflow<nsw> : i32
        %1 = arith.addi %arg0, %arg1 : i32
        %2 = arith.cmpi sge, %arg0, %arg1 : i32
        %3 = arith.addf %arg4, %arg4 fastmath<fast> : f32
        %4 = arith.constant 42 : i32
        %5 = func.call @g(%arg0, %arg1) : (i32, i32) -> i32
        %6 = tensor.extract_slice %arg2[%arg5, 0] [2, %arg5] [1, 1] : tensor<?x4xf32> to tensor<2x?xf32>
        %7 = arith.addi %arg0, %arg1 overflow<nsw, nuw> : i32
        %8 = arith.addf %arg4, %arg4 fastmath<nnan,ninf> : f32
        %9 = arith.constant 1.500000e+00 : f32
        %10 = tensor.dim %6, %arg5 : tensor<2x?xf32>
        cf.cond_br %arg3, ^bb1(%arg0 : i32), ^bb2
        """, I32, I32, RankedTensorType.get(FloatType.F32, ShapedType.DYNAMIC, 4), IntegerType.I1, FloatType.F32, IndexType.INSTANCE);
    Operation cmpi = f.block.first().nextOp().nextOp();
    assertEquals(IntegerAttr.i64(5), cmpi.prop("predicate"));
    assertEquals(IntegerType.I1, cmpi.result(0).type());
    Operation slice = cmpi.nextOp().nextOp().nextOp().nextOp();
    assertEquals(new DenseArrayAttr(IntegerType.I32, new long[] {1, 1, 1, 0}), slice.prop("operandSegmentSizes"));
    assertEquals(new DenseArrayAttr(IntegerType.I64, new long[] {ShapedType.DYNAMIC, 0}), slice.prop("static_offsets"));
    Operation br = f.block.last();
    assertEquals(new DenseArrayAttr(IntegerType.I32, new long[] {1, 1, 0}), br.prop("operandSegmentSizes"));
  }

  @Test
  void roundTripsOperandsDirectiveParensAndDerivedTypes() {
    Type t4 = RankedTensorType.get(FloatType.F32, 4);
    Fixture f = roundTrip("""
        %0 = tosa.add %arg0, %arg1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
        %1 = tensor.empty(%arg2) : tensor<?xf32>
        %2 = tensor.empty() : tensor<4xf32>
        %3 = tensor.from_elements %arg3, %arg3 : tensor<2xf32>
        %4 = arith.index_cast %arg2 : index to i32
        cf.assert %arg4, "msg"
        %5 = tensor.collapse_shape %arg0 [[0]] : tensor<4xf32> into tensor<4xf32>
        test.module @m attributes {foo.bar = 1 : i64} {
        }
        test.module {
        }
        """, t4, t4, IndexType.INSTANCE, FloatType.F32, IntegerType.I1);
    Operation mod = f.block.last();
    assertEquals(1, mod.region(0).blocks().size(), "SingleBlock regions get their block");
  }

  @Test
  void attrDictEntriesOverrideAndRouteToProperties() {
    Fixture f = new Fixture(I32, I32);
    List<Operation> ops = f.parse("""
        %0 = arith.addi %arg0, %arg1 {overflowFlags = #arith.overflow<none>, foo} : i32
        %1 = arith.cmpi "slt", %arg0, %arg1 {predicate = 3 : i64} : i32
        """);
    assertEquals("""
        %0 = arith.addi %arg0, %arg1 {foo} : i32
        %1 = arith.cmpi sle, %arg0, %arg1 : i32
        """, f.body());
    assertEquals(UnitAttr.INSTANCE, ops.get(0).attr("foo"));
    assertNull(ops.get(0).attr("overflowFlags"));
  }

  @Test
  void roundTripsMesh() {
    roundTrip("""
        mesh.mesh @mesh0(shape = 2x?)
        %0 = mesh.shard %arg0 to <@mesh0, [[0]]> : tensor<4x8xf32>
        %1 = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [0] reduction = <max> : tensor<4x8xf32> -> tensor<4x8xf32>
        %2 = mesh.all_reduce %arg0 on @mesh0 : tensor<4x8xf32> -> tensor<4x8xf32>
        %3 = mesh.all_gather %arg0 on @mesh0 mesh_axes = [0] gather_axis = 0 : tensor<4x8xf32> -> tensor<8x8xf32>
        %4 = mesh.shard %arg0 to <@mesh0, [[0], []], partial = sum[1]> annotate_for_users : tensor<4x8xf32>
        """, T4X8);
  }

  @Test
  void implicitTerminatorsAreAddedAndElided() {
    Fixture f = new Fixture(I32);
    List<Operation> ops = f.parse("""
        %0 = scf.execute_region -> i32 {
        scf.yield %arg0 : i32
        }
        scf.execute_region {
        }
        """);
    assertEquals("scf.yield", ops.get(1).region(0).front().last().name());
    assertEquals("""
        %0 = scf.execute_region -> i32 {
        scf.yield %arg0 : i32
        }
        scf.execute_region {
        }
        """, f.body());
  }

  // ---------------------------------------------------------------- parse errors, with MLIR's messages

  private static ParseException parseError(String text, Type... args) {
    return assertThrows(ParseException.class, () -> new Fixture(args).parse(text));
  }

  @Test
  void parseErrorsUseMlirMessages() {
    assertEquals("expected ','", parseError("%0 = arith.addi %arg0 %arg1 : i32", I32, I32).getMessage());
    assertEquals("expected ':'", parseError("%0 = arith.addi %arg0, %arg1", I32, I32).getMessage());
    assertEquals("expected string or keyword containing one of the following enum values for attribute 'predicate' "
        + "[eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]", parseError("%0 = arith.cmpi foo, %arg0, %arg1 : i32", I32, I32).getMessage());
    assertEquals("invalid predicate attribute specification: \"foo\"", parseError("%0 = arith.cmpi \"foo\", %arg0, %arg1 : i32", I32, I32).getMessage());
    ParseException e = parseError("%0 = func.call @g(%arg0) : (i32, i32) -> i32", I32);
    assertEquals("1 operands present, but expected 2", e.getMessage());
    assertEquals("%0 = func.call @g(".length(), e.offset());
    assertEquals("'arith.addi' op attribute 'overflowFlags' failed to satisfy constraint: Integer overflow arith flags",
        parseError("%0 = arith.addi %arg0, %arg1 {overflowFlags = 3} : i32", I32, I32).getMessage());
    Type t = RankedTensorType.get(FloatType.F32, 4);
    assertEquals("expected ']' in dynamic index list",
        parseError("%0 = tensor.extract_slice %arg0[%arg1 0] [4] [1] : tensor<4xf32> to tensor<4xf32>", t, IndexType.INSTANCE).getMessage());
    assertEquals("expected '[' in dynamic index list",
        parseError("%0 = tensor.extract_slice %arg0 [4] [1] : tensor<4xf32> to tensor<4xf32>", t, IndexType.INSTANCE).getMessage());
    assertEquals("expected integer value",
        parseError("%0 = tensor.extract_slice %arg0[?] [4] [1] : tensor<4xf32> to tensor<4xf32>", t, IndexType.INSTANCE).getMessage());
    assertEquals("has no custom assembly form", parseError("test.noformat %arg0", I32).getMessage());
  }
}
