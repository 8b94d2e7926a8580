package gvm.dialect.tensor.ir;

import static gvm.dialect.DialectTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import gvm.ir.Operation;
import gvm.ir.def.OpDef;
import gvm.ir.types.FloatType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.ir.types.UnrankedTensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorDialectTest {
  private static final Type F32 = FloatType.F32;

  private static RankedTensorType tensor(long... dims) { return RankedTensorType.get(F32, dims); }

  @Test void definitions() throws Exception {
    assertDefinitions(new TensorDialect());
    assertEquals("tensor.yield", PadOp.DEF.implicitTerminator());
    assertEquals("tensor.yield", GenerateOp.DEF.implicitTerminator());
  }

  /** MLIR's getAsmResultNames; tensor.empty gives none. */
  @Test void resultNames() {
    Map<OpDef, String> expected = Map.ofEntries(Map.entry(CastOp.DEF, "cast"), Map.entry(DimOp.DEF, "dim"),
        Map.entry(ExtractOp.DEF, "extracted"), Map.entry(InsertOp.DEF, "inserted"), Map.entry(ExtractSliceOp.DEF, "extracted_slice"),
        Map.entry(InsertSliceOp.DEF, "inserted_slice"), Map.entry(ExpandShapeOp.DEF, "expanded"), Map.entry(CollapseShapeOp.DEF, "collapsed"),
        Map.entry(SplatOp.DEF, "splat"), Map.entry(FromElementsOp.DEF, "from_elements"), Map.entry(PadOp.DEF, "padded"),
        Map.entry(GenerateOp.DEF, "generated"), Map.entry(ReshapeOp.DEF, "reshape"), Map.entry(ConcatOp.DEF, "concat"));
    for (Map.Entry<OpDef, String> e : expected.entrySet()) {
      String[] names = new String[1];
      e.getKey().resultNamer().name(null, names);
      assertEquals(e.getValue(), names[0], e.getKey().name());
    }
    assertNull(EmptyOp.DEF.resultNamer());
  }

  @Test void castCompatibility() {
    UnrankedTensorType unranked = new UnrankedTensorType(F32);
    assertTrue(CastOp.areCastCompatible(List.of(tensor(4, ShapedType.DYNAMIC)), List.of(tensor(ShapedType.DYNAMIC, 8))));
    assertTrue(CastOp.areCastCompatible(List.of(unranked), List.of(tensor(4))));
    assertFalse(CastOp.areCastCompatible(List.of(tensor(4)), List.of(tensor(5))));
    assertFalse(CastOp.areCastCompatible(List.of(tensor(4)), List.of(tensor(4, 1))));
    assertFalse(CastOp.areCastCompatible(List.of(tensor(4)), List.of(RankedTensorType.get(FloatType.F16, 4))));
  }

  /** MLIR's isRankReducedType: only unit dimensions may be dropped, matched greedily. */
  @Test void rankReduction() {
    assertEquals(Slices.Result.SUCCESS, Slices.isRankReducedType(tensor(1, 6, 1), tensor(6, 1)));
    assertEquals(Slices.Result.SUCCESS, Slices.isRankReducedType(tensor(1, 6, 1), tensor(1, 6)));
    assertEquals(Slices.Result.SIZE_MISMATCH, Slices.isRankReducedType(tensor(2, 6), tensor(6)));
    assertEquals(Slices.Result.RANK_TOO_LARGE, Slices.isRankReducedType(tensor(6), tensor(6, 1)));
    assertEquals(Slices.Result.ELEM_TYPE_MISMATCH, Slices.isRankReducedType(tensor(6), RankedTensorType.get(FloatType.F16, 6)));
  }

  @Test void padInference() {
    assertEquals(tensor(11, ShapedType.DYNAMIC),
        PadOp.inferResultType(tensor(8, 16), new long[] {1, ShapedType.DYNAMIC}, new long[] {2, 3}));
    assertNull(PadOp.inferResultType(tensor(8), new long[] {1, 1}, new long[] {1}));
  }

  @Test void views() {
    Operation m = parse("""
        func.func @f(%t: tensor<8x16xf32>, %i: index) {
          %0 = tensor.extract_slice %t[0, %i] [4, 8] [1, %i] : tensor<8x16xf32> to tensor<4x8xf32>
          %1 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 4, 16] : tensor<8x16xf32> into tensor<2x4x16xf32>
          return
        }
        """);
    ExtractSliceOp slice = new ExtractSliceOp(first(m, ExtractSliceOp.DEF));
    assertEquals(1, slice.offsets().size());
    assertEquals(List.of(), slice.sizes());
    assertEquals(1, slice.strides().size());
    assertArrayEquals(new long[] {0, ShapedType.DYNAMIC}, slice.staticOffsets());
    assertNull(verifierMessage(slice.op()));

    ExpandShapeOp expand = new ExpandShapeOp(first(m, ExpandShapeOp.DEF));
    assertArrayEquals(new long[] {0, 1}, expand.reassociation().get(0));
    assertArrayEquals(new long[] {2, 4, 16}, expand.staticOutputShape());
    assertNull(verifierMessage(expand.op()));
  }

  /** MLIR 19 crashes on a negative concatenation dim; we report it as out of range. */
  @Test void concatNegativeDim() {
    Operation m = parse("""
        func.func @f(%a: tensor<3xf32>) {
          %0 = "tensor.concat"(%a) <{dim = -1 : i64}> : (tensor<3xf32>) -> tensor<3xf32>
          return
        }
        """);
    assertEquals("'tensor.concat' op concatenation dim must be less than the tensor rank", verifierMessage(first(m, ConcatOp.DEF)));
  }
}
